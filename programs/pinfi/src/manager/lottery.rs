//! Verifier–device pairing by lottery (decisions.md §31). A verifier commits, before any of its
//! rounds begins, the Merkle root of one secret per round; to challenge a device it reveals the
//! round's secret, and it may only if `H(secret ‖ slot_hash(round start) ‖ device)` falls under
//! the threshold. The verifier cannot aim (the slot hash did not exist when the secrets were
//! fixed) and miners cannot foresee (the secret is hidden until the reveal).
//!
//! The tree is the transcript's kind (RFC 6962 domain separation, odd tail paired with itself),
//! so `@pinfi/verifier`'s MerkleTree builds it off chain.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::hash::hashv;

/// Domain of a draw.
pub const DRAW_DOMAIN: &[u8] = b"pinfi/lottery/v1";
/// A ticket may name the current round or the one before (its transaction may land after a boundary).
pub const ROUND_GRACE: u64 = 1;
/// Longest path a ticket carries (2^32 rounds).
pub const MAX_PATH: usize = 32;

pub fn leaf(secret: &[u8; 32]) -> [u8; 32] {
    hashv(&[&[0u8], secret]).to_bytes()
}

pub fn node(l: &[u8; 32], r: &[u8; 32]) -> [u8; 32] {
    hashv(&[&[1u8], l, r]).to_bytes()
}

/// Levels above `count` bottom nodes: ⌈log₂ count⌉.
pub fn depth(count: u64) -> usize {
    if count <= 1 { 0 } else { (64 - (count - 1).leading_zeros()) as usize }
}

/// The root implied by a bottom node and its sibling path, or `None` when the path cannot belong
/// to a tree of `count` bottom nodes.
pub fn root_from_path(bottom: [u8; 32], index: u64, count: u64, path: &[[u8; 32]]) -> Option<[u8; 32]> {
    if index >= count || path.len() != depth(count) {
        return None;
    }
    let (mut h, mut idx, mut n) = (bottom, index, count);
    for sib in path {
        if idx ^ 1 >= n {
            if *sib != h {
                return None; // odd tail: paired with itself
            }
            h = node(&h, &h);
        } else {
            h = if idx & 1 == 1 { node(sib, &h) } else { node(&h, sib) };
        }
        idx >>= 1;
        n = n.div_ceil(2);
    }
    Some(h)
}

/// The round a slot falls in, if inside the commitment.
pub fn round_at(slot: u64, start_slot: u64, round_slots: u32, rounds: u32) -> Option<u64> {
    if round_slots == 0 || slot < start_slot {
        return None;
    }
    let round = (slot - start_slot) / round_slots as u64;
    (round < rounds as u64).then_some(round)
}

/// The draw of a verifier's round secret for a device: the first 8 bytes of the hash, LE.
pub fn draw(secret: &[u8; 32], slot_hash: &[u8; 32], device: &Pubkey) -> u64 {
    let h = hashv(&[DRAW_DOMAIN, secret, slot_hash, device.as_ref()]).to_bytes();
    u64::from_le_bytes(h[..8].try_into().unwrap())
}

/// Whether a draw wins: each of `verifiers` wins a device with probability `draws / verifiers`
/// per round (always, when there are no more verifiers than draws). Rounds down: fewer wins.
pub fn wins(draw: u64, draws: u16, verifiers: u32) -> bool {
    if verifiers == 0 || draws == 0 {
        return false;
    }
    if draws as u32 >= verifiers {
        return true;
    }
    draw < (u64::MAX / verifiers as u64) * draws as u64
}

/// The newest SlotHashes entry at or before `slot` (entries run newest first): the hash a round
/// starting at `slot` is drawn against, also across skipped slots. `None` when the sysvar no
/// longer reaches back that far.
pub fn slot_hash_at(sysvar: &[u8], slot: u64) -> Option<[u8; 32]> {
    let count = u64::from_le_bytes(sysvar.get(..8)?.try_into().ok()?) as usize;
    (0..count).find_map(|e| {
        let entry = sysvar.get(8 + 40 * e..48 + 40 * e)?;
        let s = u64::from_le_bytes(entry[..8].try_into().unwrap());
        (s <= slot).then(|| entry[8..40].try_into().unwrap())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(leaves: &[[u8; 32]]) -> Vec<Vec<[u8; 32]>> {
        let mut levels = vec![leaves.to_vec()];
        while levels.last().unwrap().len() > 1 {
            let cur = levels.last().unwrap();
            let up = (0..cur.len().div_ceil(2)).map(|p| node(&cur[2 * p], cur.get(2 * p + 1).unwrap_or(&cur[2 * p]))).collect();
            levels.push(up);
        }
        levels
    }

    fn path(levels: &[Vec<[u8; 32]>], mut idx: usize) -> Vec<[u8; 32]> {
        levels[..levels.len() - 1]
            .iter()
            .map(|lv| {
                let s = if idx ^ 1 < lv.len() { lv[idx ^ 1] } else { lv[idx] };
                idx >>= 1;
                s
            })
            .collect()
    }

    #[test]
    fn every_leaf_of_odd_and_even_trees_proves_and_nothing_else_does() {
        for count in [1usize, 2, 3, 5, 8, 13] {
            let leaves: Vec<[u8; 32]> = (0..count).map(|i| leaf(&[i as u8; 32])).collect();
            let levels = tree(&leaves);
            let root = levels.last().unwrap()[0];
            for (i, l) in leaves.iter().enumerate() {
                let p = path(&levels, i);
                assert_eq!(root_from_path(*l, i as u64, count as u64, &p), Some(root), "count {count} leaf {i}");
                if count > 1 {
                    assert_ne!(root_from_path(*l, ((i + 1) % count) as u64, count as u64, &p), Some(root), "wrong index");
                    let mut bad = p.clone();
                    bad[0][0] ^= 1;
                    assert_ne!(root_from_path(*l, i as u64, count as u64, &bad), Some(root), "wrong sibling");
                }
                assert_eq!(root_from_path(*l, i as u64, count as u64 + 7, &p).filter(|r| *r == root), None, "other size");
            }
            assert_eq!(root_from_path(leaves[0], count as u64, count as u64, &path(&levels, 0)), None, "index out of range");
        }
    }

    #[test]
    fn rounds_and_thresholds() {
        assert_eq!(round_at(99, 100, 10, 5), None);
        assert_eq!(round_at(100, 100, 10, 5), Some(0));
        assert_eq!(round_at(149, 100, 10, 5), Some(4));
        assert_eq!(round_at(150, 100, 10, 5), None);
        assert_eq!(round_at(150, 100, 0, 5), None);
        assert!(wins(u64::MAX, 2, 2) && wins(u64::MAX, 3, 2), "draws ≥ verifiers: everyone");
        assert!(!wins(0, 0, 5) && !wins(0, 1, 0));
        let t = (u64::MAX / 4) * 1;
        assert!(wins(t - 1, 1, 4) && !wins(t, 1, 4));
        // About draws/verifiers of all draws win.
        let won = (0..4_000u32).filter(|i| wins(draw(&[7; 32], &[i.to_le_bytes()[0]; 32], &Pubkey::new_from_array([i.to_le_bytes()[1]; 32])), 1, 4)).count();
        assert!((800..1_200).contains(&won), "{won} of 4000 at 1/4");
    }

    #[test]
    fn slot_hash_lookup_takes_the_newest_entry_at_or_before() {
        let mut data = 3u64.to_le_bytes().to_vec();
        for (s, b) in [(30u64, 3u8), (20, 2), (10, 1)] {
            data.extend(s.to_le_bytes());
            data.extend([b; 32]);
        }
        assert_eq!(slot_hash_at(&data, 30), Some([3; 32]));
        assert_eq!(slot_hash_at(&data, 29), Some([2; 32]), "a skipped slot takes the entry before");
        assert_eq!(slot_hash_at(&data, 10), Some([1; 32]));
        assert_eq!(slot_hash_at(&data, 9), None);
        assert_eq!(slot_hash_at(&data[..50], 10), None, "truncated sysvar");
    }
}
