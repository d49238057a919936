//! The organisation tree from `rapporteert_aan`, at any depth, in reporting order (pre-order
//! from the SBO, children in the order of `stelsel.yaml`). Built once in O(parties); sums over
//! subtrees go bottom-up in one pass (`subtree_totals`), however deep the line.

use crate::model::{Rol, Stelsel};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// One party in the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgNode {
    /// Its id.
    pub id: String,
    /// Its display name.
    pub naam: String,
    /// SBO, TBO or OBO.
    pub rol: Rol,
    /// The party it reports to.
    pub parent: Option<String>,
    /// The parties reporting to it, in `stelsel.yaml` order.
    pub children: Vec<String>,
    /// Distance from the top (the SBO is 0).
    pub depth: usize,
    /// Whether it reports outside the OBO → TBO → SBO line (W504).
    pub buiten_lijn: bool,
}

/// Every party, in pre-order from the SBO; parties that do not reach the SBO (E108, which
/// blocks a build) follow at depth 0 so that nothing is ever dropped from a total.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrgTree {
    /// The parties in reporting order.
    pub nodes: Vec<OrgNode>,
    /// Index of each party in `nodes` (lookups by id are frequent: names in every table row).
    index: BTreeMap<String, usize>,
    /// When the children lists form a forest that the pre-order visits edge by edge (unique
    /// ids, no cycles, every party reached once), the end of each node's subtree in `nodes`:
    /// its descendants are `nodes[i + 1..end[i]]`. `None` for a broken line (E108).
    ends: Option<Vec<usize>>,
    /// Per node, the index of the SBO or TBO its figures are shown under (`upper`).
    uppers: Vec<usize>,
}

impl OrgTree {
    /// Builds the tree from the stelsel.
    pub fn new(st: &Stelsel) -> OrgTree {
        let orgs = &st.organisaties;
        // The first entry of each id (a duplicate id is E106) and who reports to each id.
        let mut first: HashMap<&str, usize> = HashMap::with_capacity(orgs.len());
        let mut kids: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, o) in orgs.iter().enumerate() {
            first.entry(o.id.value.as_str()).or_insert(i);
            if let Some(p) = &o.rapporteert_aan {
                kids.entry(p.value.as_str()).or_default().push(i);
            }
        }
        let children = |id: &str| -> &[usize] { kids.get(id).map(Vec::as_slice).unwrap_or_default() };
        let mut forest = first.len() == orgs.len();
        let mut order: Vec<(usize, usize)> = Vec::with_capacity(orgs.len());
        let mut seen: HashSet<&str> = HashSet::with_capacity(orgs.len());
        let roots = (0..orgs.len()).filter(|&i| orgs[i].rol == Rol::Sbo || orgs[i].rapporteert_aan.is_none());
        let mut stack: Vec<(usize, usize)> = roots.map(|i| (i, 0)).rev().collect();
        while let Some((i, depth)) = stack.pop() {
            let id = orgs[i].id.value.as_str();
            if !seen.insert(id) {
                forest = false;
                continue;
            }
            stack.extend(children(id).iter().rev().map(|&c| (c, depth + 1)));
            order.push((first[id], depth));
        }
        for (i, o) in orgs.iter().enumerate() {
            if seen.insert(o.id.value.as_str()) {
                forest = false;
                order.push((i, 0));
            }
        }
        let role = |id: &str| first.get(id).map(|&i| orgs[i].rol);
        let nodes = order
            .into_iter()
            .map(|(i, depth)| {
                let o = &orgs[i];
                let parent = o.rapporteert_aan.as_ref().map(|p| p.value.clone());
                let expected = match o.rol {
                    Rol::Obo => Some(Rol::Tbo),
                    Rol::Tbo => Some(Rol::Sbo),
                    Rol::Sbo => None,
                };
                let buiten_lijn = expected.is_some() && parent.as_deref().and_then(role) != expected;
                let children = children(&o.id.value).iter().map(|&c| orgs[c].id.value.clone()).collect();
                OrgNode {
                    children,
                    id: o.id.value.clone(),
                    naam: o.naam.clone(),
                    rol: o.rol,
                    parent,
                    depth,
                    buiten_lijn,
                }
            })
            .collect::<Vec<OrgNode>>();
        let index: BTreeMap<String, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id.clone(), i)).collect();
        let ends = forest.then(|| subtree_ends(&nodes));
        let uppers = uppers(&nodes, &index);
        OrgTree { nodes, index, ends, uppers }
    }

    /// A party by id.
    pub fn node(&self, id: &str) -> Option<&OrgNode> {
        self.index.get(id).map(|&i| &self.nodes[i])
    }

    /// The SBO or TBO a party's figures are shown under when a document is abridged: the party
    /// itself unless it is an OBO, else the nearest SBO or TBO above it (itself when none).
    pub fn upper<'a>(&'a self, id: &'a str) -> &'a str {
        match self.index.get(id) {
            Some(&i) => &self.nodes[self.uppers[i]].id,
            None => id,
        }
    }

    /// Every party below `id` (not `id` itself), in pre-order, at any depth.
    pub fn descendants(&self, id: &str) -> Vec<&str> {
        if let (Some(ends), Some(&i)) = (&self.ends, self.index.get(id)) {
            return self.nodes[i + 1..ends[i]].iter().map(|n| n.id.as_str()).collect();
        }
        let mut out = Vec::new();
        let mut seen = BTreeSet::from([id]);
        let mut stack: Vec<&str> =
            self.node(id).map(|n| n.children.iter().rev().map(String::as_str).collect()).unwrap_or_default();
        while let Some(c) = stack.pop() {
            if !seen.insert(c) {
                continue;
            }
            out.push(c);
            if let Some(n) = self.node(c) {
                stack.extend(n.children.iter().rev().map(String::as_str));
            }
        }
        out
    }

    /// Whether any party is below `id`.
    pub fn has_below(&self, id: &str) -> bool {
        match (&self.ends, self.index.get(id)) {
            (Some(ends), Some(&i)) => ends[i] > i + 1,
            _ => !self.descendants(id).is_empty(),
        }
    }

    /// Per node (in `nodes` order): `own` of the node plus `own` of every party below it, at
    /// any depth. One bottom-up pass over the tree; for a broken line (E108), where a party may
    /// be below itself, each node's descendants are summed as `descendants` gives them.
    pub fn subtree_totals<T: Clone>(&self, own: impl Fn(&OrgNode) -> T, add: impl Fn(&mut T, &T)) -> Vec<T> {
        let mut out: Vec<T> = self.nodes.iter().map(&own).collect();
        if self.ends.is_some() {
            for i in (0..self.nodes.len()).rev() {
                for c in &self.nodes[i].children {
                    let j = self.index[c.as_str()];
                    let (head, tail) = out.split_at_mut(j);
                    add(&mut head[i], &tail[0]);
                }
            }
            return out;
        }
        for (i, n) in self.nodes.iter().enumerate() {
            for d in self.descendants(&n.id) {
                if let Some(node) = self.node(d) {
                    add(&mut out[i], &own(node));
                }
            }
        }
        out
    }

    /// The display name of a party (its id when unknown).
    pub fn naam<'a>(&'a self, id: &'a str) -> &'a str {
        self.node(id).map(|n| n.naam.as_str()).unwrap_or(id)
    }
}

/// The end of each node's subtree in a pre-order with depths: the next node no deeper.
fn subtree_ends(nodes: &[OrgNode]) -> Vec<usize> {
    let mut ends = vec![nodes.len(); nodes.len()];
    let mut open: Vec<usize> = Vec::new();
    for (j, n) in nodes.iter().enumerate() {
        while let Some(&i) = open.last().filter(|&&i| nodes[i].depth >= n.depth) {
            ends[i] = j;
            open.pop();
        }
        open.push(j);
    }
    ends
}

/// For each node, the nearest SBO or TBO above an OBO (following `parent` through OBOs); the
/// node itself when it is not an OBO, or when the line breaks or runs in a circle first.
fn uppers(nodes: &[OrgNode], index: &BTreeMap<String, usize>) -> Vec<usize> {
    const TODO: usize = usize::MAX;
    const BUSY: usize = usize::MAX - 1;
    // Per node: the SBO or TBO reached, or `TODO`/`BUSY` while unknown; `None` is a break.
    let mut reach: Vec<Option<usize>> = vec![Some(TODO); nodes.len()];
    for start in 0..nodes.len() {
        let mut path = Vec::new();
        let mut cur = start;
        let found = loop {
            match reach[cur] {
                Some(TODO) => {}
                Some(BUSY) => break None,
                done => break done,
            }
            if nodes[cur].rol != Rol::Obo {
                break Some(cur);
            }
            reach[cur] = Some(BUSY);
            path.push(cur);
            match nodes[cur].parent.as_deref().and_then(|p| index.get(p)) {
                Some(&p) => cur = p,
                None => break None,
            }
        };
        for p in path {
            reach[p] = found;
        }
        if nodes[start].rol != Rol::Obo {
            reach[start] = Some(start);
        }
    }
    reach.iter().enumerate().map(|(i, r)| r.filter(|&r| r < BUSY).unwrap_or(i)).collect()
}
