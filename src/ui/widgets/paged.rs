//! A window of rows over a list that is never loaded whole: rows are fetched a page at a time
//! around the selection (keyset paging), and only the visible ones are drawn.

/// Rows kept in memory at most; beyond that the far end of the window is dropped.
const KEEP: usize = 300;
pub const PAGE: usize = 100;

/// Fetches the page after (or, `backwards`, before) a row; `None` means from the start (or end).
pub trait PageSource<R> {
    fn fetch(&mut self, from: Option<&R>, backwards: bool, limit: usize) -> Vec<R>;
}

impl<R, F: FnMut(Option<&R>, bool, usize) -> Vec<R>> PageSource<R> for F {
    fn fetch(&mut self, from: Option<&R>, backwards: bool, limit: usize) -> Vec<R> {
        self(from, backwards, limit)
    }
}

#[derive(Debug, Clone)]
pub struct PagedWindow<R> {
    pub rows: Vec<R>,
    /// Index of the selected row within `rows`.
    pub selected: usize,
    /// Absolute position of `rows[0]` in the whole list.
    pub start: u64,
    /// Rows in the whole list (for "12 / 25 000").
    pub total: u64,
}

impl<R: Clone> Default for PagedWindow<R> {
    fn default() -> Self {
        PagedWindow {
            rows: Vec::new(),
            selected: 0,
            start: 0,
            total: 0,
        }
    }
}

impl<R: Clone> PagedWindow<R> {
    pub fn reload(&mut self, total: u64, src: &mut impl PageSource<R>) {
        self.total = total;
        self.rows = src.fetch(None, false, PAGE);
        self.selected = 0;
        self.start = 0;
    }

    pub fn selected_row(&self) -> Option<&R> {
        self.rows.get(self.selected)
    }

    pub fn position(&self) -> u64 {
        self.start + self.selected as u64
    }

    /// Moves the selection by `delta` rows, fetching pages as the edge of the window is reached.
    pub fn move_by(&mut self, delta: isize, src: &mut impl PageSource<R>) {
        if self.rows.is_empty() {
            return;
        }
        let mut target = self.selected as isize + delta;
        while target >= self.rows.len() as isize {
            let more = src.fetch(self.rows.last(), false, PAGE);
            if more.is_empty() {
                target = self.rows.len() as isize - 1;
                break;
            }
            self.rows.extend(more);
            if self.rows.len() > KEEP {
                let drop = self.rows.len() - KEEP;
                self.rows.drain(..drop);
                self.start += drop as u64;
                target -= drop as isize;
            }
        }
        while target < 0 {
            let more = src.fetch(self.rows.first(), true, PAGE);
            if more.is_empty() {
                target = 0;
                break;
            }
            let n = more.len();
            self.rows.splice(0..0, more);
            self.start = self.start.saturating_sub(n as u64);
            target += n as isize;
            if self.rows.len() > KEEP {
                self.rows.truncate(KEEP);
            }
        }
        self.selected = target.max(0) as usize;
    }

    pub fn home(&mut self, src: &mut impl PageSource<R>) {
        let total = self.total;
        self.reload(total, src);
    }

    pub fn end(&mut self, src: &mut impl PageSource<R>) {
        self.rows = src.fetch(None, true, PAGE);
        self.start = self.total.saturating_sub(self.rows.len() as u64);
        self.selected = self.rows.len().saturating_sub(1);
    }

    /// The slice of rows to draw in `height` lines, keeping the selection visible, and its index in it.
    pub fn visible(&self, height: usize) -> (&[R], usize) {
        if height == 0 || self.rows.is_empty() {
            return (&[], 0);
        }
        let first = self
            .selected
            .saturating_sub(height / 2)
            .min(self.rows.len().saturating_sub(height));
        let last = (first + height).min(self.rows.len());
        (&self.rows[first..last], self.selected - first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list of 0..n served in pages, counting fetches.
    fn source(n: u32) -> impl FnMut(Option<&u32>, bool, usize) -> Vec<u32> {
        move |from, back, limit| match (from, back) {
            (None, false) => (0..n).take(limit).collect(),
            (None, true) => (n.saturating_sub(limit as u32)..n).collect(),
            (Some(&x), false) => (x + 1..n).take(limit).collect(),
            (Some(&x), true) => (x.saturating_sub(limit as u32)..x).collect(),
        }
    }

    #[test]
    fn walks_the_whole_list_both_ways_with_a_bounded_window() {
        let mut src = source(1000);
        let mut w = PagedWindow::default();
        w.reload(1000, &mut src);
        for i in 0..999u64 {
            assert_eq!(w.selected_row(), Some(&(i as u32)));
            assert_eq!(w.position(), i);
            w.move_by(1, &mut src);
            assert!(w.rows.len() <= KEEP);
        }
        w.move_by(1, &mut src);
        assert_eq!(w.selected_row(), Some(&999));
        for i in (0..999u32).rev() {
            w.move_by(-1, &mut src);
            assert_eq!(w.selected_row(), Some(&i));
            assert_eq!(w.position(), i as u64);
        }
        w.move_by(-5, &mut src);
        assert_eq!(w.selected_row(), Some(&0));
    }

    #[test]
    fn end_and_big_jumps_land_on_the_right_row() {
        let mut src = source(1000);
        let mut w = PagedWindow::default();
        w.reload(1000, &mut src);
        w.end(&mut src);
        assert_eq!(w.selected_row(), Some(&999));
        assert_eq!(w.position(), 999);
        w.move_by(-450, &mut src);
        assert_eq!(w.selected_row(), Some(&549));
        assert_eq!(w.position(), 549);
        w.move_by(10_000, &mut src);
        assert_eq!(w.selected_row(), Some(&999));
    }

    #[test]
    fn visible_keeps_the_selection_on_screen() {
        let mut src = source(50);
        let mut w = PagedWindow::default();
        w.reload(50, &mut src);
        w.move_by(30, &mut src);
        let (rows, sel) = w.visible(10);
        assert_eq!(rows.len(), 10);
        assert_eq!(rows[sel], 30);
    }
}
