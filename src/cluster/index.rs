//! A persisted index of clustered documents: what clustering needs of each (content hash,
//! cluster id, language, MinHash signature, fingerprint, English person names), so that
//! tomorrow's batch can be clustered against today's without extracting today's again.
//!
//! The file format is a small, versioned little-endian binary (`KHCI` magic and a format
//! number). A file of another format is refused rather than matched against new fingerprints,
//! which would miss stories silently: format 2 gave the fingerprints places, speakers, headline
//! facts and figures; format 3 keys persons anew (an Arabic article before a Latin surname is
//! one person however it is written, a name with a lineage is also known by its given name) and
//! takes places from the GeoNames gazetteer. The file is written whole to a temporary file of
//! a unique name and renamed, so an interrupted save never leaves half an index. Reading trusts no count: each is checked against the bytes left, so a
//! corrupt or hostile file cannot make the reader allocate more than the file's own size.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::fingerprint::{self, Feature, FeatureKind, Fingerprint};
use super::minhash::{self, Signature, K};
use crate::doc::{Document, EntityKind};
use crate::time::calendar::Day;

const MAGIC: &[u8; 8] = b"KHCI\x00\x03\r\n";

/// What the index keeps of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Content hash of the document (id and body): stable across batches and orders.
    pub key: u64,
    pub cluster: String,
    pub lang: String,
    pub sig: Option<Signature>,
    pub fp: Fingerprint,
    /// (person key, Latin name) of the persons an English document names.
    pub names: Vec<(String, String)>,
}

impl Entry {
    pub fn of(doc: &Document) -> Entry {
        let key = minhash::mix(
            minhash::hash_bytes(doc.id.as_bytes()) ^ minhash::hash_bytes(doc.body.as_bytes()),
        );
        let names = if doc.lang == "en" {
            doc.entities
                .iter()
                .filter(|e| e.kind == EntityKind::Person && !e.key.is_empty())
                .map(|e| (e.key.clone(), e.name.clone()))
                .collect()
        } else {
            Vec::new()
        };
        // folded without an offset map: clustering needs the words, not where they were
        let folded = crate::text::fold::fold_key(&doc.body);
        Entry {
            key,
            cluster: doc.cluster.clone().unwrap_or_default(),
            lang: doc.lang.clone(),
            sig: minhash::signature(&folded),
            fp: fingerprint::of_folded(doc, &folded),
            names,
        }
    }
}

/// Documents clustered so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    entries: Vec<Entry>,
}

impl Index {
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Add the entries `assign_with` returned for a batch.
    pub fn extend(&mut self, entries: Vec<Entry>) {
        self.entries.extend(entries);
    }

    /// Keep only documents published on or after `day` (undated ones are kept): old stories
    /// cannot join new reports anyway, outside the clustering window.
    pub fn retain_since(&mut self, day: Day) {
        self.entries.retain(|e| e.fp.day.is_none_or(|d| d >= day));
    }

    pub fn write_to(&self, w: &mut impl Write) -> io::Result<()> {
        w.write_all(MAGIC)?;
        put_u64(w, self.entries.len() as u64)?;
        for e in &self.entries {
            put_u64(w, e.key)?;
            put_str(w, &e.cluster)?;
            put_str(w, &e.lang)?;
            match &e.sig {
                Some(sig) => {
                    w.write_all(&[1])?;
                    for v in sig {
                        put_u64(w, *v)?;
                    }
                }
                None => w.write_all(&[0])?,
            }
            put_u64(w, e.fp.day.map_or(u64::MAX, |d| d.to_days() as u64))?;
            put_u64(w, e.fp.pinned.len() as u64)?;
            for p in &e.fp.pinned {
                w.write_all(&[*p as u8])?;
            }
            put_u64(w, e.fp.features.len() as u64)?;
            for f in &e.fp.features {
                put_u64(w, f.id)?;
                w.write_all(&[f.kind.code()])?;
            }
            put_u64(w, e.names.len() as u64)?;
            for (k, n) in &e.names {
                put_str(w, k)?;
                put_str(w, n)?;
            }
        }
        Ok(())
    }

    /// Read an index from a stream of unknown length (counts are still checked as it is read).
    pub fn read_from(r: &mut impl Read) -> io::Result<Index> {
        Index::read_within(r, u64::MAX)
    }

    /// Read an index from its bytes.
    pub fn from_bytes(data: &[u8]) -> io::Result<Index> {
        Index::read_within(&mut &data[..], data.len() as u64)
    }

    /// Read an index of at most `size` bytes: a count that needs more bytes than are left is
    /// refused before anything is allocated for it.
    fn read_within(r: &mut impl Read, size: u64) -> io::Result<Index> {
        let r = &mut Bounded {
            inner: r,
            left: size,
        };
        let mut magic = [0u8; 8];
        r.read_exact(&mut magic)?;
        if &magic != MAGIC {
            return Err(bad(
                "not a khabar cluster index of this version (an index saved by an earlier \
                 version must be built again from its documents)",
            ));
        }
        let n = r.len(MIN_ENTRY_BYTES)?;
        // grown as entries arrive: a stream of unknown length cannot vouch for its count
        let mut entries = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            let key = r.u64()?;
            let cluster = r.string()?;
            let lang = r.string()?;
            let sig = match r.u8()? {
                0 => None,
                _ => {
                    let mut s = [0u64; K];
                    for v in &mut s {
                        *v = r.u64()?;
                    }
                    Some(s)
                }
            };
            let day = match r.u64()? {
                u64::MAX => None,
                d => Some(Day::from_days(d as i64)),
            };
            let pinned = (0..r.len(1)?)
                .map(|_| r.u8().map(u32::from))
                .collect::<io::Result<_>>()?;
            let features = (0..r.len(9)?)
                .map(|_| {
                    let id = r.u64()?;
                    let kind = FeatureKind::from_code(r.u8()?)
                        .ok_or_else(|| bad("unknown feature kind"))?;
                    Ok(Feature { id, kind })
                })
                .collect::<io::Result<_>>()?;
            let names = (0..r.len(16)?)
                .map(|_| Ok((r.string()?, r.string()?)))
                .collect::<io::Result<_>>()?;
            entries.push(Entry {
                key,
                cluster,
                lang,
                sig,
                fp: Fingerprint {
                    features,
                    day,
                    pinned,
                },
                names,
            });
        }
        Ok(Index { entries })
    }

    /// Save to `path` through a temporary file in the same folder, renamed into place. The
    /// temporary file has a name no other save uses and is created exclusively (a file or a
    /// symbolic link already there under that name is an error, never followed or replaced).
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let (tmp, file) = create_unique_beside(path)?;
        let written = (|| {
            let mut w = io::BufWriter::new(file);
            self.write_to(&mut w)?;
            w.into_inner()
                .map_err(io::IntoInnerError::into_error)?
                .sync_all()?;
            std::fs::rename(&tmp, path)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    }

    pub fn load(path: &Path) -> io::Result<Index> {
        let file = std::fs::File::open(path)?;
        let size = file.metadata()?.len();
        Index::read_within(&mut io::BufReader::new(file), size)
    }
}

/// A new file beside `path` (`.<name>.<pid>.<n>.tmp`), created exclusively: `create_new` fails on
/// any existing entry, a symbolic link included, so nothing planted there is written through.
fn create_unique_beside(path: &Path) -> io::Result<(PathBuf, std::fs::File)> {
    static SAVES: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map_or_else(|| "index".into(), |n| n.to_string_lossy().into_owned());
    loop {
        let n = SAVES.fetch_add(1, Ordering::Relaxed);
        let tmp = path.with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// The fewest bytes one entry takes: key, two empty strings, no signature, day, three counts.
const MIN_ENTRY_BYTES: u64 = 8 + 8 + 8 + 1 + 8 + 8 + 8 + 8;

/// A reader that knows how many bytes may be left, and refuses counts that need more.
struct Bounded<'r, R> {
    inner: &'r mut R,
    left: u64,
}

impl<R: Read> Bounded<'_, R> {
    fn read_exact(&mut self, buf: &mut [u8]) -> io::Result<()> {
        self.inner.read_exact(buf)?;
        self.left = self.left.saturating_sub(buf.len() as u64);
        Ok(())
    }

    fn u8(&mut self) -> io::Result<u8> {
        let mut b = [0u8; 1];
        self.read_exact(&mut b)?;
        Ok(b[0])
    }

    fn u64(&mut self) -> io::Result<u64> {
        let mut b = [0u8; 8];
        self.read_exact(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    /// A count of items of at least `item_bytes` bytes each, refused when the bytes left cannot
    /// hold them (a corrupt file must not make us allocate gigabytes).
    fn len(&mut self, item_bytes: u64) -> io::Result<usize> {
        let n = self.u64()?;
        if n > 1 << 32 || n.saturating_mul(item_bytes) > self.left {
            return Err(bad("corrupt index: a count larger than the file"));
        }
        Ok(n as usize)
    }

    fn string(&mut self) -> io::Result<String> {
        let n = self.len(1)?;
        if n > 1 << 24 {
            return Err(bad("corrupt index: impossible string length"));
        }
        let mut b = vec![0u8; n];
        self.read_exact(&mut b)?;
        String::from_utf8(b).map_err(|_| bad("corrupt index: invalid UTF-8"))
    }
}

fn bad(msg: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.to_string())
}

fn put_u64(w: &mut impl Write, v: u64) -> io::Result<()> {
    w.write_all(&v.to_le_bytes())
}

fn put_str(w: &mut impl Write, s: &str) -> io::Result<()> {
    put_u64(w, s.len() as u64)?;
    w.write_all(s.as_bytes())
}
