//! The one way Dossier writes a file the user keeps (exports, letters, calendars, drafts): into a
//! private temporary file beside the target, synced, then renamed onto the name, so the target is
//! either whole or absent, even when the disk fills up half-way; an existing file is replaced only
//! when the caller says so, and a free name is picked by [`free_path`].

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file was not written. Either way nothing is left behind: no half file, no temporary file.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The target exists and the caller did not ask to replace it; it was left untouched.
    #[error("{} already exists; it was left untouched", .0.display())]
    Exists(PathBuf),
    /// The disk is full, the folder is read-only, the device refused… (`source` names the file).
    #[error("{source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl FileError {
    fn io(path: &Path, source: std::io::Error) -> FileError {
        FileError::Io {
            path: path.to_path_buf(),
            source: named(path, source),
        }
    }

    /// An error that came through [`PartFile`]'s writer and already says which file.
    fn io_named(path: &Path, source: std::io::Error) -> FileError {
        FileError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Whether an existing target may be replaced (`--force` on the command line, a confirmation in the TUI).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Refuse,
    Replace,
}

impl Existing {
    pub fn replace_if(force: bool) -> Existing {
        if force {
            Existing::Replace
        } else {
            Existing::Refuse
        }
    }
}

/// Whether `path` names a regular file that is there (a device or a pipe is not "a file to overwrite").
pub fn exists(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
}

/// Writes `path` through `fill`: the bytes go into `.<name>.<pid>.part` beside it (0600), are
/// flushed and synced, then the part file takes the name. Any error, also from `fill`, removes the
/// part file and leaves an existing target as it was. A device or a pipe (`/dev/stdout`) is written
/// straight, since nothing can be renamed onto it.
pub fn write_with<T, E: From<FileError>>(
    path: &Path,
    existing: Existing,
    fill: impl FnOnce(&mut dyn Write) -> Result<T, E>,
) -> Result<T, E> {
    let mut part = PartFile::create(path, existing)?;
    let value = {
        let mut out = std::io::BufWriter::new(&mut part);
        let value = fill(&mut out)?;
        out.flush().map_err(|e| FileError::io_named(path, e))?;
        value
    };
    part.commit()?;
    Ok(value)
}

fn is_device(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// A file being written bit by bit (a CSV streamed row by row while the store reads): the bytes go
/// to the part file, and the target gets them whole in [`PartFile::commit`]. Dropped without a
/// commit (an error half-way), the part file is removed and the target is as it was.
pub struct PartFile {
    path: PathBuf,
    part: PathBuf,
    existing: Existing,
    file: Option<std::fs::File>,
    /// A device or a pipe (`/dev/stdout`), written straight: nothing can be renamed onto it.
    direct: bool,
}

impl PartFile {
    /// Refused at once when the target exists and `existing` says so.
    pub fn create(path: &Path, existing: Existing) -> Result<PartFile, FileError> {
        if is_device(path) {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| FileError::io(path, e))?;
            return Ok(PartFile {
                path: path.to_path_buf(),
                part: path.to_path_buf(),
                existing,
                file: Some(file),
                direct: true,
            });
        }
        if existing == Existing::Refuse && std::fs::symlink_metadata(path).is_ok() {
            return Err(FileError::Exists(path.to_path_buf()));
        }
        let part = part_path(path);
        let file = create_private(&part).map_err(|e| FileError::io(path, e))?;
        Ok(PartFile {
            path: path.to_path_buf(),
            part,
            existing,
            file: Some(file),
            direct: false,
        })
    }

    /// Syncs the bytes and gives them the target's name: over an existing file only when
    /// replacing (a hard link fails where a rename would overwrite a file that appeared meanwhile).
    pub fn commit(mut self) -> Result<(), FileError> {
        let path = self.path.clone();
        let Some(mut file) = self.file.take() else {
            return Ok(());
        };
        if self.direct {
            return file.flush().map_err(|e| FileError::io(&path, e));
        }
        let done = (|| {
            file.sync_all().map_err(|e| FileError::io(&path, e))?;
            drop(file);
            match self.existing {
                Existing::Replace => {
                    std::fs::rename(&self.part, &path).map_err(|e| FileError::io(&path, e))
                }
                Existing::Refuse => match std::fs::hard_link(&self.part, &path) {
                    Ok(()) => {
                        let _ = std::fs::remove_file(&self.part);
                        Ok(())
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                        Err(FileError::Exists(path.clone()))
                    }
                    Err(e) => Err(FileError::io(&path, e)),
                },
            }
        })();
        if done.is_err() {
            let _ = std::fs::remove_file(&self.part);
        } else {
            sync_dir(&path);
        }
        done
    }
}

impl Write for PartFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.file.as_mut() {
            Some(f) => f.write(buf).map_err(|e| named(&self.path, e)),
            None => Ok(buf.len()),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.file.as_mut() {
            Some(f) => f.flush().map_err(|e| named(&self.path, e)),
            None => Ok(()),
        }
    }
}

impl Drop for PartFile {
    fn drop(&mut self) {
        if self.file.take().is_some() && !self.direct {
            let _ = std::fs::remove_file(&self.part);
        }
    }
}

/// [`write_with`] for bytes at hand.
pub fn write_bytes(path: &Path, existing: Existing, bytes: &[u8]) -> Result<(), FileError> {
    write_with(path, existing, |out| {
        out.write_all(bytes)
            .map_err(|e| FileError::io_named(path, e))
    })
}

/// `dir/stem.ext`, or, when that file exists, `stem-2.ext`, `stem-3.ext`…: the name the TUI gives an
/// export, so it never overwrites and never has to ask.
pub fn free_path(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    free_name(dir, stem, |s| vec![format!("{s}.{ext}")])
}

/// The first of `stem`, `stem-2`, `stem-3`… for which none of the names `names(stem)` gives exists
/// in `dir` (a letter is written as both `.md` and `.html`, a privacy export is a folder).
pub fn free_name(dir: &Path, stem: &str, names: impl Fn(&str) -> Vec<String>) -> PathBuf {
    let taken = |s: &str| {
        names(s)
            .iter()
            .any(|n| std::fs::symlink_metadata(dir.join(n)).is_ok())
    };
    let chosen = std::iter::once(stem.to_string())
        .chain((2u32..).map(|n| format!("{stem}-{n}")))
        .find(|s| !taken(s))
        .unwrap_or_else(|| stem.to_string());
    dir.join(names(&chosen).into_iter().next().unwrap_or(chosen))
}

fn named(path: &Path, e: std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display()))
}

fn part_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    path.with_file_name(format!(".{name}.{}.part", std::process::id()))
}

fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    // A part file left by a process that was killed has the same name only if the pid came back.
    let _ = std::fs::remove_file(path);
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    opts.open(path)
}

/// Makes the rename durable: the folder entry is flushed too (best effort).
fn sync_dir(file: &Path) {
    if let Some(dir) = file.parent().filter(|p| !p.as_os_str().is_empty())
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_a_private_file_and_refuses_an_existing_one_unless_replacing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write_bytes(&path, Existing::Refuse, b"one").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        match write_bytes(&path, Existing::Refuse, b"two") {
            Err(FileError::Exists(p)) => assert_eq!(p, path),
            other => panic!("{other:?}"),
        }
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_bytes(&path, Existing::Replace, b"three").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        assert_eq!(listing(dir.path()), vec!["out.csv"]);
    }

    #[test]
    fn an_error_half_way_leaves_neither_a_half_file_nor_a_part_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, b"earlier").unwrap();
        let r: Result<(), FileError> = write_with(&path, Existing::Replace, |out| {
            out.write_all(b"half").unwrap();
            Err(FileError::io(&path, std::io::Error::other("disk full")))
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"earlier");
        assert_eq!(listing(dir.path()), vec!["out.csv"]);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_device_that_is_full_reports_the_error() {
        match write_bytes(Path::new("/dev/full"), Existing::Refuse, &[b'x'; 100_000]) {
            Err(FileError::Io { source, .. }) => {
                assert_eq!(source.kind(), std::io::ErrorKind::StorageFull, "{source}");
                assert!(source.to_string().contains("/dev/full"), "{source}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("out.csv");
        let e = write_bytes(&path, Existing::Refuse, b"x").unwrap_err();
        assert!(e.to_string().contains("out.csv"), "{e}");
    }

    #[test]
    fn free_names_skip_files_and_folders_that_exist() {
        let dir = tempfile::tempdir().unwrap();
        let first = free_path(dir.path(), "headcount", "xlsx");
        assert_eq!(first, dir.path().join("headcount.xlsx"));
        std::fs::write(&first, b"x").unwrap();
        assert_eq!(
            free_path(dir.path(), "headcount", "xlsx"),
            dir.path().join("headcount-2.xlsx")
        );
        std::fs::write(dir.path().join("letter-2.html"), b"x").unwrap();
        std::fs::write(dir.path().join("letter.md"), b"x").unwrap();
        let both = |s: &str| vec![format!("{s}.md"), format!("{s}.html")];
        assert_eq!(
            free_name(dir.path(), "letter", both),
            dir.path().join("letter-3.md")
        );
        std::fs::create_dir(dir.path().join("privacy-E1")).unwrap();
        assert_eq!(
            free_name(dir.path(), "privacy-E1", |s| vec![s.to_string()]),
            dir.path().join("privacy-E1-2")
        );
    }
}
