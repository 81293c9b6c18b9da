//! The PDF's structure tree (a tagged PDF): headings, paragraphs, lists and tables, in reading
//! order, so a screen reader reads a letter or the pack as a document rather than as loose
//! lines, and skips the page furniture.
//!
//! Invariants:
//! - Every marked piece of text on a page (an MCID) belongs to exactly one structure element,
//!   and the page's entry in the parent tree lists them by MCID.
//! - Headings form an outline with no gaps: the first is H1, and none is more than one level
//!   below the one before it.
//! - Elements keep the layout's order, which is reading order; an element with no text and
//!   nothing under it is left out, except table cells (a table keeps its columns) and a tick
//!   box's label, which its words stand for.

use lopdf::{dictionary, Document, Object, ObjectId};

use crate::layout::{Role, StructNode};

/// Adds the structure tree to `doc`: `structure` from the layout, and `marks[page][mcid]`, the
/// element each marked piece of text on each page belongs to.
pub(crate) fn add_structure(doc: &mut Document, structure: &[StructNode], marks: &[Vec<u32>]) {
    let tree = Tree::new(structure, marks);
    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    let root = doc.new_object_id();
    let document = doc.new_object_id();
    let ids: Vec<Option<ObjectId>> = tree
        .kept
        .iter()
        .map(|k| k.then(|| doc.new_object_id()))
        .collect();
    tree.write_elements(doc, &ids, &pages, document);
    let top: Vec<Object> = tree
        .top
        .iter()
        .filter_map(|i| ids[*i].map(Object::Reference))
        .collect();
    doc.objects.insert(
        document,
        Object::Dictionary(dictionary! {
            "Type" => "StructElem",
            "S" => "Document",
            "P" => Object::Reference(root),
            "K" => top,
        }),
    );
    let nums = parent_tree(doc, marks, &ids, &pages);
    doc.objects.insert(
        root,
        Object::Dictionary(dictionary! {
            "Type" => "StructTreeRoot",
            "K" => Object::Reference(document),
            "ParentTree" => dictionary! { "Nums" => nums },
            "ParentTreeNextKey" => marks.len() as i64,
        }),
    );
    mark_catalog(doc, root);
}

/// The layout's structure with what each element holds: its marked text, its children, and
/// whether it is written at all.
struct Tree<'a> {
    structure: &'a [StructNode],
    /// Each element's marked text, as (page, MCID), in drawing order.
    content: Vec<Vec<(usize, i64)>>,
    children: Vec<Vec<usize>>,
    /// The elements directly under the document.
    top: Vec<usize>,
    kept: Vec<bool>,
    /// Each element's structure type as written: headings renumbered (see [`heading_levels`]).
    tags: Vec<&'static str>,
}

impl<'a> Tree<'a> {
    fn new(structure: &'a [StructNode], marks: &[Vec<u32>]) -> Tree<'a> {
        let n = structure.len();
        let mut content: Vec<Vec<(usize, i64)>> = vec![Vec::new(); n];
        for (page, on_page) in marks.iter().enumerate() {
            for (mcid, node) in on_page.iter().enumerate() {
                if let Some(c) = content.get_mut(*node as usize) {
                    c.push((page, mcid as i64));
                }
            }
        }
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut top = Vec::new();
        for (i, node) in structure.iter().enumerate() {
            match node.parent.map(|p| p as usize).filter(|p| *p < i) {
                Some(p) => children[p].push(i),
                None => top.push(i),
            }
        }
        let mut tree = Tree {
            structure,
            content,
            children,
            top,
            kept: vec![false; n],
            tags: Vec::new(),
        };
        tree.keep();
        tree.tags = heading_levels(structure, &tree.kept);
        tree
    }

    /// Parents come before their children, so one pass from the end sees every child first. A
    /// row is kept when one of its cells has text, and then all its cells are.
    fn keep(&mut self) {
        let n = self.structure.len();
        for i in (0..n).rev() {
            let node = &self.structure[i];
            let has_text = |c: &usize| !self.content[*c].is_empty();
            self.kept[i] = match node.role {
                Role::TR => self.children[i].iter().any(has_text),
                Role::TH | Role::TD => true,
                _ => {
                    has_text(&i)
                        || self.children[i].iter().any(|c| self.kept[*c])
                        || node.alt.is_some()
                }
            };
        }
        for i in 0..n {
            if matches!(self.structure[i].role, Role::TH | Role::TD) {
                self.kept[i] = self.structure[i]
                    .parent
                    .is_some_and(|p| self.kept[p as usize]);
            }
        }
    }

    /// Writes every kept element under its parent (or `document`): its children, then its
    /// marked text on `pages`.
    fn write_elements(
        &self,
        doc: &mut Document,
        ids: &[Option<ObjectId>],
        pages: &[ObjectId],
        document: ObjectId,
    ) {
        for (i, node) in self.structure.iter().enumerate() {
            let Some(id) = ids[i] else { continue };
            let mut kids: Vec<Object> = self.children[i]
                .iter()
                .filter_map(|c| ids[*c].map(Object::Reference))
                .collect();
            kids.extend(self.content[i].iter().filter_map(|(page, mcid)| {
                pages.get(*page).map(|pg| {
                    Object::Dictionary(dictionary! {
                        "Type" => "MCR",
                        "Pg" => Object::Reference(*pg),
                        "MCID" => *mcid,
                    })
                })
            }));
            let parent = node
                .parent
                .and_then(|p| ids.get(p as usize).copied().flatten())
                .unwrap_or(document);
            let mut element = dictionary! {
                "Type" => "StructElem",
                "S" => Object::Name(self.tags[i].as_bytes().to_vec()),
                "P" => Object::Reference(parent),
                "K" => kids,
            };
            if let Some(alt) = &node.alt {
                element.set("Alt", Object::string_literal(alt.as_str()));
            }
            doc.objects.insert(id, Object::Dictionary(element));
        }
    }
}

/// Each element's structure type, with the kept headings renumbered so the first is H1 and none
/// is more than one level below the heading before it (a reader's outline has no gaps: the
/// layout's levels are sizes, and a document may start at its second size).
fn heading_levels(structure: &[StructNode], kept: &[bool]) -> Vec<&'static str> {
    const HEADINGS: [&str; 4] = ["H1", "H2", "H3", "H4"];
    let level = |role: Role| match role {
        Role::H1 => Some(0usize),
        Role::H2 => Some(1),
        Role::H3 => Some(2),
        Role::H4 => Some(3),
        _ => None,
    };
    // The sizes of the headings open above this point: a heading closes every one as deep as
    // itself or deeper, and sits one level below the rest.
    let mut open: Vec<usize> = Vec::new();
    structure
        .iter()
        .zip(kept)
        .map(|(node, kept)| match level(node.role) {
            Some(size) if *kept => {
                while open.last().is_some_and(|above| *above >= size) {
                    open.pop();
                }
                let at = open.len().min(HEADINGS.len() - 1);
                open.push(size);
                HEADINGS[at]
            }
            _ => node.role.tag(),
        })
        .collect()
}

/// The parent tree's numbers: for each page (its `/StructParents`, set here), the element of
/// each MCID. Tab order on each page follows the structure.
fn parent_tree(
    doc: &mut Document,
    marks: &[Vec<u32>],
    ids: &[Option<ObjectId>],
    pages: &[ObjectId],
) -> Vec<Object> {
    let mut nums = Vec::new();
    for (page, on_page) in marks.iter().enumerate() {
        let elements: Vec<Object> = on_page
            .iter()
            .map(|node| match ids.get(*node as usize).copied().flatten() {
                Some(id) => Object::Reference(id),
                None => Object::Null,
            })
            .collect();
        nums.push(Object::Integer(page as i64));
        nums.push(Object::Array(elements));
        if let Some(pg) = pages.get(page) {
            if let Ok(dict) = doc.get_object_mut(*pg).and_then(|o| o.as_dict_mut()) {
                dict.set("StructParents", page as i64);
                dict.set("Tabs", "S");
            }
        }
    }
    nums
}

/// The catalogue points to the tree and says the file is tagged; viewers show the document's
/// title rather than its file name.
fn mark_catalog(doc: &mut Document, root: ObjectId) {
    let Ok(catalog_id) = doc.trailer.get(b"Root").and_then(|o| o.as_reference()) else {
        return;
    };
    if let Ok(catalog) = doc.get_object_mut(catalog_id).and_then(|o| o.as_dict_mut()) {
        catalog.set("StructTreeRoot", Object::Reference(root));
        catalog.set("MarkInfo", dictionary! { "Marked" => true });
        catalog.set(
            "ViewerPreferences",
            dictionary! { "DisplayDocTitle" => true },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(role: Role) -> StructNode {
        StructNode {
            role,
            parent: None,
            alt: None,
        }
    }

    #[test]
    fn headings_start_at_h1_and_never_skip_a_level() {
        let s = [
            Role::H2,
            Role::P,
            Role::H4,
            Role::H3,
            Role::H2,
            Role::H4,
            Role::H1,
        ]
        .map(node);
        let kept = [true; 7];
        assert_eq!(
            heading_levels(&s, &kept),
            ["H1", "P", "H2", "H2", "H1", "H2", "H1"]
        );
        // A heading left out (no text) does not count.
        let kept = [false, true, true, true, true, true, true];
        assert_eq!(heading_levels(&s, &kept)[2], "H1");
    }
}
