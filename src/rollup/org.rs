//! The organisation tree from `rapporteert_aan`, at any depth, in reporting order (pre-order
//! from the SBO, children in the order of `stelsel.yaml`).

use crate::model::{Rol, Stelsel};
use std::collections::{BTreeMap, BTreeSet};

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
}

impl OrgTree {
    /// Builds the tree from the stelsel.
    pub fn new(st: &Stelsel) -> OrgTree {
        let role = |id: &str| st.organisaties.iter().find(|o| o.id.value == id).map(|o| o.rol);
        let children = |id: &str| -> Vec<String> {
            let kids = st.organisaties.iter().filter(|o| o.rapporteert_aan.as_ref().is_some_and(|p| p.value == id));
            kids.map(|o| o.id.value.clone()).collect()
        };
        let mut order: Vec<(String, usize)> = Vec::new();
        let mut seen = BTreeSet::new();
        let roots = st.organisaties.iter().filter(|o| o.rol == Rol::Sbo || o.rapporteert_aan.is_none());
        let mut stack: Vec<(String, usize)> = roots.map(|o| (o.id.value.clone(), 0)).rev().collect();
        while let Some((id, depth)) = stack.pop() {
            if !seen.insert(id.clone()) {
                continue;
            }
            stack.extend(children(&id).into_iter().rev().map(|c| (c, depth + 1)));
            order.push((id, depth));
        }
        for o in &st.organisaties {
            if seen.insert(o.id.value.clone()) {
                order.push((o.id.value.clone(), 0));
            }
        }
        let nodes = order
            .into_iter()
            .map(|(id, depth)| {
                let o = st.organisaties.iter().find(|o| o.id.value == id).expect("ordered from the stelsel");
                let parent = o.rapporteert_aan.as_ref().map(|p| p.value.clone());
                let expected = match o.rol {
                    Rol::Obo => Some(Rol::Tbo),
                    Rol::Tbo => Some(Rol::Sbo),
                    Rol::Sbo => None,
                };
                let buiten_lijn = expected.is_some() && parent.as_deref().and_then(role) != expected;
                OrgNode { children: children(&id), id, naam: o.naam.clone(), rol: o.rol, parent, depth, buiten_lijn }
            })
            .collect::<Vec<OrgNode>>();
        let index = nodes.iter().enumerate().map(|(i, n)| (n.id.clone(), i)).collect();
        OrgTree { nodes, index }
    }

    /// A party by id.
    pub fn node(&self, id: &str) -> Option<&OrgNode> {
        self.index.get(id).map(|&i| &self.nodes[i])
    }

    /// The SBO or TBO a party's figures are shown under when a document is abridged: the party
    /// itself unless it is an OBO, else the nearest SBO or TBO above it (itself when none).
    pub fn upper<'a>(&'a self, id: &'a str) -> &'a str {
        let mut cur = id;
        for _ in 0..self.nodes.len() {
            match self.node(cur) {
                Some(n) if n.rol == Rol::Obo => match n.parent.as_deref() {
                    Some(p) if self.node(p).is_some() => cur = p,
                    _ => return id,
                },
                Some(_) => return cur,
                None => return id,
            }
        }
        id
    }

    /// Every party below `id` (not `id` itself), in pre-order, at any depth.
    pub fn descendants(&self, id: &str) -> Vec<&str> {
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

    /// The display name of a party (its id when unknown).
    pub fn naam<'a>(&'a self, id: &'a str) -> &'a str {
        self.node(id).map(|n| n.naam.as_str()).unwrap_or(id)
    }
}
