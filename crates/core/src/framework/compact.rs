//! A validated framework as compact bytes, for the browser builds: the web app's build script
//! loads the bundled framework with the full, checking loader and writes it in this form, so
//! that the app starts without parsing JSON and its first-load build carries no loader.
//!
//! The form is private to one build: fields in declaration order, numbers as LEB128, text as
//! a length and UTF-8, options as a 0/1 tag, enums as a tag. [`decode`] still checks every
//! position it reads against the lists it points into, so a `Framework` from it holds the same
//! promise as one from the loader: every reference resolves.

use super::{
    Attribution, CaseStudy, Challenge, Framework, Item, ItemKind, Level, Pointer, Profile, ProfileChart, ProfileText, Role, Scale, ScaleKind, Section,
    SupportKind, SupportType,
};
use crate::answer::Choice;
use crate::ids::{FrameworkId, ItemId, SectionId, SupportTypeId};

/// Writes a framework in the compact form.
pub fn encode(framework: &Framework) -> Vec<u8> {
    let mut out = Out(Vec::new());
    let f = framework;
    out.text(f.id.as_str());
    out.text(&f.version);
    out.text(&f.title);
    out.text(&f.description);
    out.number(u64::from(f.minutes));
    out.number(u64::from(f.suggest_threshold));
    out.number(f.max_suggestions as u64);
    out.text(&f.attribution.licence);
    out.option(f.attribution.licence_url.as_deref());
    out.text(&f.attribution.source);
    out.option(f.attribution.notes.as_deref());
    out.number(f.scales.len() as u64);
    for scale in &f.scales {
        out.text(&scale.id);
        out.text(&scale.question);
        match &scale.kind {
            ScaleKind::Rating { levels, not_sure, not_sure_description } => {
                out.number(0);
                out.number(levels.len() as u64);
                for level in levels {
                    out.number(u64::from(level.value));
                    out.text(&level.name);
                    out.text(&level.description);
                }
                out.text(not_sure);
                out.text(not_sure_description);
            }
            ScaleKind::Choice { names } => {
                out.number(1);
                out.texts(names);
            }
            ScaleKind::Text => out.number(2),
        }
    }
    out.number(f.sections.len() as u64);
    for section in &f.sections {
        out.text(section.id.as_str());
        match section.role {
            Role::Domain { weight } => {
                out.number(0);
                out.number(u64::from(weight));
            }
            Role::Challenges => out.number(1),
            Role::Readiness => out.number(2),
            Role::Vision => out.number(3),
        }
        out.number(section.scale as u64);
        out.text(&section.title);
        out.text(&section.summary);
        out.text(&section.intro);
        out.positions(&section.items);
    }
    out.number(f.items.len() as u64);
    for item in &f.items {
        out.text(item.id.as_str());
        out.number(item.section as u64);
        out.number(match item.kind {
            ItemKind::Rating => 0,
            ItemKind::Choice => 1,
            ItemKind::Text => 2,
        });
        out.text(&item.label);
        out.text(&item.statement);
        out.option(item.source.as_deref());
        out.number(item.points_to.len() as u64);
        for pointer in &item.points_to {
            out.number(pointer.support as u64);
            out.number(u64::from(pointer.weight));
        }
        match &item.challenge {
            None => out.number(0),
            Some(challenge) => {
                out.number(1);
                out.text(challenge.opportunity_when.id());
                out.texts(&challenge.says);
            }
        }
    }
    out.number(f.support_kinds.len() as u64);
    for kind in &f.support_kinds {
        out.text(&kind.id);
        out.text(&kind.name);
        out.text(&kind.description);
    }
    out.number(f.support_types.len() as u64);
    for support in &f.support_types {
        out.text(support.id.as_str());
        out.number(support.kind as u64);
        out.text(&support.name);
        out.text(&support.description);
    }
    out.number(u64::from(f.profile_chart.cut));
    out.text(&f.profile_chart.x_label);
    out.text(&f.profile_chart.y_label);
    out.number(f.profiles.len() as u64);
    for profile in &f.profiles {
        out.number(profile.profile.position() as u64);
        out.text(&profile.name);
        out.text(&profile.summary);
        out.text(&profile.next_steps);
    }
    out.number(f.case_studies.len() as u64);
    for case in &f.case_studies {
        out.text(&case.id);
        out.text(&case.name);
        out.text(&case.summary);
        out.positions(&case.items);
    }
    out.0
}

/// Reads a framework in the compact form; `None` if the bytes are not one, whole and consistent.
pub fn decode(bytes: &[u8]) -> Option<Framework> {
    let mut input = In { bytes, at: 0 };
    let framework = read(&mut input)?;
    (input.at == bytes.len() && consistent(&framework)).then_some(framework)
}

fn read(input: &mut In) -> Option<Framework> {
    let id = FrameworkId::new(input.text()?);
    let version = input.text()?;
    let title = input.text()?;
    let description = input.text()?;
    let minutes = u32::try_from(input.number()?).ok()?;
    let suggest_threshold = u32::try_from(input.number()?).ok()?;
    let max_suggestions = usize::try_from(input.number()?).ok()?;
    let attribution = Attribution { licence: input.text()?, licence_url: input.option()?, source: input.text()?, notes: input.option()? };
    let scales = input.list(|input| {
        let id = input.text()?;
        let question = input.text()?;
        let kind = match input.number()? {
            0 => ScaleKind::Rating {
                levels: input.list(|input| Some(Level { value: u8::try_from(input.number()?).ok()?, name: input.text()?, description: input.text()? }))?,
                not_sure: input.text()?,
                not_sure_description: input.text()?,
            },
            1 => ScaleKind::Choice { names: input.list(In::text)? },
            2 => ScaleKind::Text,
            _ => return None,
        };
        Some(Scale { id, question, kind })
    })?;
    let sections = input.list(|input| {
        let id = SectionId::new(input.text()?);
        let role = match input.number()? {
            0 => Role::Domain { weight: u32::try_from(input.number()?).ok()? },
            1 => Role::Challenges,
            2 => Role::Readiness,
            3 => Role::Vision,
            _ => return None,
        };
        Some(Section {
            id,
            role,
            scale: input.position()?,
            title: input.text()?,
            summary: input.text()?,
            intro: input.text()?,
            items: input.list(In::position)?,
        })
    })?;
    let items = input.list(|input| {
        let id = ItemId::new(input.text()?);
        let section = input.position()?;
        let kind = match input.number()? {
            0 => ItemKind::Rating,
            1 => ItemKind::Choice,
            2 => ItemKind::Text,
            _ => return None,
        };
        let label = input.text()?;
        let statement = input.text()?;
        let source = input.option()?;
        let points_to = input.list(|input| Some(Pointer { support: input.position()?, weight: u32::try_from(input.number()?).ok()? }))?;
        let challenge = match input.number()? {
            0 => None,
            1 => Some(Challenge { opportunity_when: Choice::from_id(&input.text()?)?, says: input.list(In::text)? }),
            _ => return None,
        };
        Some(Item { id, section, kind, label, statement, source, points_to, challenge })
    })?;
    let support_kinds = input.list(|input| Some(SupportKind { id: input.text()?, name: input.text()?, description: input.text()? }))?;
    let support_types = input
        .list(|input| Some(SupportType { id: SupportTypeId::new(input.text()?), kind: input.position()?, name: input.text()?, description: input.text()? }))?;
    let profile_chart = ProfileChart { cut: u32::try_from(input.number()?).ok()?, x_label: input.text()?, y_label: input.text()? };
    let profiles = input.list(|input| {
        Some(ProfileText { profile: *Profile::ALL.get(input.position()?)?, name: input.text()?, summary: input.text()?, next_steps: input.text()? })
    })?;
    let case_studies =
        input.list(|input| Some(CaseStudy { id: input.text()?, name: input.text()?, summary: input.text()?, items: input.list(In::position)? }))?;
    Some(Framework {
        id,
        version,
        title,
        description,
        minutes,
        suggest_threshold,
        max_suggestions,
        attribution,
        item_order: super::id_order(&items, |item| item.id.as_str()),
        section_order: super::id_order(&sections, |section| section.id.as_str()),
        scales,
        sections,
        items,
        support_kinds,
        support_types,
        profile_chart,
        profiles,
        case_studies,
    })
}

/// Every position points into its list, and each profile's text is in its own place.
fn consistent(f: &Framework) -> bool {
    let items = |positions: &[usize]| positions.iter().all(|&item| item < f.items.len());
    f.sections.iter().all(|section| section.scale < f.scales.len() && items(&section.items))
        && f.items.iter().all(|item| item.section < f.sections.len() && item.points_to.iter().all(|pointer| pointer.support < f.support_types.len()))
        && f.support_types.iter().all(|support| support.kind < f.support_kinds.len())
        && f.case_studies.iter().all(|case| items(&case.items))
        && f.profiles.len() == Profile::ALL.len()
        && f.profiles.iter().enumerate().all(|(position, text)| text.profile.position() == position)
}

struct Out(Vec<u8>);

impl Out {
    fn number(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }

    fn text(&mut self, text: &str) {
        self.number(text.len() as u64);
        self.0.extend_from_slice(text.as_bytes());
    }

    fn option(&mut self, text: Option<&str>) {
        match text {
            None => self.number(0),
            Some(text) => {
                self.number(1);
                self.text(text);
            }
        }
    }

    fn texts(&mut self, texts: &[String]) {
        self.number(texts.len() as u64);
        for text in texts {
            self.text(text);
        }
    }

    fn positions(&mut self, positions: &[usize]) {
        self.number(positions.len() as u64);
        for &position in positions {
            self.number(position as u64);
        }
    }
}

struct In<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl In<'_> {
    fn number(&mut self) -> Option<u64> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at)?;
            self.at += 1;
            n |= u64::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn position(&mut self) -> Option<usize> {
        usize::try_from(self.number()?).ok()
    }

    fn text(&mut self) -> Option<String> {
        let length = self.position()?;
        let end = self.at.checked_add(length)?;
        let text = std::str::from_utf8(self.bytes.get(self.at..end)?).ok()?.to_owned();
        self.at = end;
        Some(text)
    }

    fn option(&mut self) -> Option<Option<String>> {
        match self.number()? {
            0 => Some(None),
            1 => self.text().map(Some),
            _ => None,
        }
    }

    /// A list: its length, then each element. The length is checked against the bytes left, so
    /// a damaged length cannot ask for a huge allocation.
    fn list<T>(&mut self, mut element: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let length = self.position()?;
        if length > self.bytes.len() - self.at {
            return None;
        }
        let mut list = Vec::with_capacity(length);
        for _ in 0..length {
            list.push(element(self)?);
        }
        Some(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_framework_comes_back_the_same() {
        let framework = Framework::bundled();
        let bytes = encode(&framework);
        assert_eq!(decode(&bytes), Some(framework));
        assert!(bytes.len() < crate::framework::BUNDLED_JSON.len(), "{} bytes", bytes.len());
    }

    #[test]
    fn cut_or_damaged_bytes_give_none_and_never_panic() {
        let bytes = encode(&Framework::bundled());
        for end in (0..bytes.len()).step_by(97) {
            assert_eq!(decode(&bytes[..end]), None, "cut at {end}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer), None, "a byte too many");
        for at in (0..bytes.len()).step_by(13) {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0xff;
            let _ = decode(&damaged);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_give_a_framework_or_none(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            if let Some(framework) = decode(&bytes) {
                proptest::prop_assert!(consistent(&framework));
            }
        }
    }
}
