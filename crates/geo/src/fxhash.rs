//! A fast, non-cryptographic hasher for the matcher's small per-document maps and the
//! word lists (the standard SipHash costs more than the lookups it serves). Keys come
//! from the text, but each map lives for one document: collisions cost time, not
//! correctness.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash (rustc's hasher): multiply-rotate over machine words.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail_word(rest));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Up to eight bytes as a little-endian word, zero-padded: `u64::from_le_bytes` of
/// the bytes copied into a zeroed array, without the copy (whose length, known only
/// here, makes it a call to `memcpy`; most keys are such a short tail alone).
#[inline]
pub(crate) fn tail_word(rest: &[u8]) -> u64 {
    debug_assert!(rest.len() <= 8);
    rest.iter().rev().fold(0u64, |w, &b| (w << 8) | u64::from(b))
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_tail_hashes_as_its_zero_padded_word() {
        let bytes = b"kirkouk al-nasr \xc3\xa9 ninive";
        for n in 0..bytes.len() {
            let b = &bytes[..n];
            let mut h = FxHasher::default();
            h.write(b);
            // The words as written out: eight bytes at a time, the rest zero-padded.
            let mut want = FxHasher::default();
            for c in b.chunks(8) {
                let mut w = [0u8; 8];
                w[..c.len()].copy_from_slice(c);
                want.add(u64::from_le_bytes(w));
            }
            assert_eq!(h.finish(), want.finish(), "{n} bytes");
        }
    }
}
