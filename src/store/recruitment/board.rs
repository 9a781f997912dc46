//! Counts for the Recruitment tab's vacancy list: how many applications stand at each stage.

use std::collections::HashMap;

use super::super::Result;
use super::super::rows::choice;
use super::RecruitmentRepo;
use crate::domain::recruitment::Stage;

impl RecruitmentRepo<'_> {
    /// Applications per vacancy and stage, in one grouped read (on the vacancy/stage index).
    pub fn stage_counts(&self) -> Result<HashMap<i64, Vec<(Stage, u32)>>> {
        let mut st = self.store.conn().prepare_cached(
            "SELECT vacancy_id, stage, count(*) FROM applications GROUP BY vacancy_id, stage",
        )?;
        let mut out: HashMap<i64, Vec<(Stage, u32)>> = HashMap::new();
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                choice(1, r.get(1)?)?,
                r.get::<_, u32>(2)?,
            ))
        })?;
        for row in rows {
            let (v, s, n) = row?;
            out.entry(v).or_default().push((s, n));
        }
        Ok(out)
    }
}
