//! A persisted index of clustered documents: what clustering needs of each (content hash,
//! cluster id, language, MinHash signature, fingerprint, English person names), so that
//! tomorrow's batch can be clustered against today's without extracting today's again.
//!
//! The file format is a small, versioned little-endian binary (`KHCI` magic, format 1); it is
//! written whole to a temporary file and renamed, so an interrupted save never leaves half an
//! index.

use std::io::{self, Read, Write};
use std::path::Path;

use super::fingerprint::{self, Feature, FeatureKind, Fingerprint};
use super::minhash::{self, Signature, K};
use crate::doc::{Document, EntityKind};
use crate::time::calendar::Day;

const MAGIC: &[u8; 8] = b"KHCI\x00\x01\r\n";

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

    pub fn read_from(r: &mut impl Read) -> io::Result<Index> {
        let mut magic = [0u8; 8];
        r.read_exact(&mut magic)?;
        if &magic != MAGIC {
            return Err(bad(
                "not a khabar cluster index (or another format version)",
            ));
        }
        let n = get_len(r)?;
        let mut entries = Vec::with_capacity(n.min(1 << 20));
        for _ in 0..n {
            let key = get_u64(r)?;
            let cluster = get_str(r)?;
            let lang = get_str(r)?;
            let sig = match get_u8(r)? {
                0 => None,
                _ => {
                    let mut s = [0u64; K];
                    for v in &mut s {
                        *v = get_u64(r)?;
                    }
                    Some(s)
                }
            };
            let day = match get_u64(r)? {
                u64::MAX => None,
                d => Some(Day::from_days(d as i64)),
            };
            let pinned = (0..get_len(r)?)
                .map(|_| get_u8(r).map(u32::from))
                .collect::<io::Result<_>>()?;
            let features = (0..get_len(r)?)
                .map(|_| {
                    let id = get_u64(r)?;
                    let kind = FeatureKind::from_code(get_u8(r)?)
                        .ok_or_else(|| bad("unknown feature kind"))?;
                    Ok(Feature { id, kind })
                })
                .collect::<io::Result<_>>()?;
            let names = (0..get_len(r)?)
                .map(|_| Ok((get_str(r)?, get_str(r)?)))
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

    /// Save to `path` through a temporary file in the same folder, renamed into place.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let tmp = path.with_extension("tmp");
        {
            let mut w = io::BufWriter::new(std::fs::File::create(&tmp)?);
            self.write_to(&mut w)?;
            w.flush()?;
        }
        std::fs::rename(tmp, path)
    }

    pub fn load(path: &Path) -> io::Result<Index> {
        Index::read_from(&mut io::BufReader::new(std::fs::File::open(path)?))
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

fn get_u8(r: &mut impl Read) -> io::Result<u8> {
    let mut b = [0u8; 1];
    r.read_exact(&mut b)?;
    Ok(b[0])
}

fn get_u64(r: &mut impl Read) -> io::Result<u64> {
    let mut b = [0u8; 8];
    r.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

/// A length, refused when it is absurd (a corrupt file must not make us allocate terabytes).
fn get_len(r: &mut impl Read) -> io::Result<usize> {
    let n = get_u64(r)?;
    if n > 1 << 32 {
        return Err(bad("corrupt index: impossible length"));
    }
    Ok(n as usize)
}

fn get_str(r: &mut impl Read) -> io::Result<String> {
    let n = get_len(r)?;
    if n > 1 << 24 {
        return Err(bad("corrupt index: impossible string length"));
    }
    let mut b = vec![0u8; n];
    r.read_exact(&mut b)?;
    String::from_utf8(b).map_err(|_| bad("corrupt index: invalid UTF-8"))
}
