//! Periods named without a date for the date grammar: times named by their relation to the time
//! of writing ("now", "recently", "soon", حاليا, مؤخرا, في المستقبل), quarters of the year ("the
//! third quarter", "third-quarter", "الربع الثالث من العام الماضي", "the quarter"), seasons ("last
//! summer", "the winter of 1994", "صيف 2023", "الشتاء المقبل") and "year-earlier"/"year-ago".

use super::{Candidate, Kind, NumKind, Parser, Pos, Prep, Spec, Unit, Word};
use crate::time::spec::YearRef;

/// What stands before a quarter's or a season's noun: an article, shift words, "year-earlier".
#[derive(Default)]
struct Lead {
    /// The token after it.
    end: usize,
    article: bool,
    shift: Option<i64>,
    year_earlier: bool,
}

impl Parser<'_> {
    /// "now", "currently", "recently", "the near future", حاليا, مؤخرا, قريبا.
    pub(super) fn reference(&self, i: usize) -> Option<Candidate> {
        let (k, end, start) = self.word(i, |w| match w {
            Word::Ref(k) => Some(k),
            _ => None,
        })?;
        Some(Candidate {
            start,
            end,
            spec: Spec::Ref(k),
        })
    }

    /// A quarter, a season, or "year-earlier" alone.
    pub(super) fn period(&self, i: usize) -> Option<Candidate> {
        let lead = self.period_lead(i);

        let j = self.fiscal(lead.end);
        // "the 1988 second quarter": the year before the noun
        let before = self
            .year(j, false)
            .filter(|(_, hijri, _)| !hijri)
            .and_then(|(y, _, e)| Some((YearRef::Named(y), self.quarter(self.fiscal(e))?)));
        let (spec, e) = if let Some((n, e)) = before.map(|b| b.1).or_else(|| self.quarter(j)) {
            let (year, e) = match before {
                Some((y, _)) => (Some(y), e),
                None => self.period_year(e).map_or((None, e), |(y, e)| (Some(y), e)),
            };
            let spec = if lead.year_earlier {
                Spec::YearEarlier
            } else {
                Spec::Quarter {
                    n,
                    year,
                    shift: lead.shift,
                }
            };
            // "the quarter" needs its article or shift: a bare "quarter" is a fraction
            (n.is_some() || lead.article || lead.shift.is_some() || lead.year_earlier)
                .then_some((spec, e))?
        } else if let Some((n, e)) = self.season(j) {
            // "الصيف الماضي": the shift after the noun
            let (shift, e) = match self.shift(e, Pos::Post) {
                Some((k, e2)) => (Some(k), e2),
                None => (lead.shift, e),
            };
            let (year, e) = self.period_year(e).map_or((None, e), |(y, e)| (Some(y), e));
            // "the Arab Spring", "fall" the verb: a season needs a shift or a year beside it,
            // or an article and nothing after it that makes it a name
            let named = year.is_some() || shift.is_some();
            (named || (lead.article && !self.glued_name(e))).then_some(())?;
            (Spec::Season { n, year, shift }, e)
        } else if lead.year_earlier {
            (Spec::YearEarlier, lead.end)
        } else {
            return None;
        };
        // "a third-quarter loss", "its fourth quarter": the span starts after "a" or "its"
        let owner = self.prep(i, Prep::Owner).is_some()
            && self.prep(i, Prep::The).is_none()
            && self.shift(i, Pos::Pre).is_none();
        let start = self.lead(if owner && i + 1 < e { i + 1 } else { i });
        Some(Candidate {
            start,
            end: e,
            spec,
        })
    }

    /// The article, shift words and "year-earlier" before a period's noun: "the", "this past",
    /// "the year-ago", "its latest".
    fn period_lead(&self, i: usize) -> Lead {
        let mut lead = Lead {
            end: i,
            ..Lead::default()
        };
        for _ in 0..3 {
            let j = lead.end;
            if let Some((k, e)) = self.shift(j, Pos::Pre) {
                // "this past spring": the past one
                lead.shift = Some(lead.shift.map_or(k, |s| s.min(k)));
                lead.end = e;
            } else if let Some(e) = self.prep(j, Prep::Owner) {
                // only "the" makes "the quarter", "the summer" a period: "a fall in prices",
                // "a quarter of the votes" are not
                lead.article |= self.prep(j, Prep::The).is_some();
                lead.end = e;
            } else if let Some(e) = self.year_earlier(j) {
                lead.year_earlier = true;
                lead.end = e;
            } else {
                break;
            }
        }
        lead
    }

    /// "year-earlier", "year-ago": the token after it.
    fn year_earlier(&self, i: usize) -> Option<usize> {
        let (_, e, _) = self.word(i, |w| {
            (w == Word::Unit(Unit::Year, super::Count::One)).then_some(())
        })?;
        // written as one word: "a year ago" is a distance, read by another pattern
        if !self.punct(e, &["-"]) || !self.glued(e) || !self.glued(e + 1) {
            return None;
        }
        let (_, e2, _) = self.word(e + 1, |w| {
            matches!(w, Word::Hedge | Word::Ago(-1, Pos::Post)).then_some(())
        })?;
        Some(e2)
    }

    /// "third quarter", "third-quarter", "الربع الثالث": (n, token after); "quarter" alone:
    /// (None, token after).
    fn quarter(&self, i: usize) -> Option<(Option<u32>, usize)> {
        let ordinal = |k: usize| {
            self.word(k, |w| match w {
                Word::Num(n, NumKind::Ordinal) if (1..=4).contains(&n) => Some(n),
                _ => None,
            })
        };
        let is_quarter = |k: usize| self.word(k, |w| (w == Word::Quarter).then_some(()));
        if let Some((n, e, _)) = ordinal(i) {
            let k = if self.punct(e, &["-"]) { e + 1 } else { e };
            let (_, e2, _) = is_quarter(k)?;
            return Some((Some(n), e2));
        }
        let (_, e, _) = is_quarter(i)?;
        // Arabic: the ordinal after the noun, and "المالي" may stand between
        let k = self.fiscal(e);
        match ordinal(k) {
            Some((n, e2, _)) => Some((Some(n), self.fiscal(e2))),
            None => Some((None, e)),
        }
    }

    /// A season's noun: (n, token after).
    fn season(&self, i: usize) -> Option<(u32, usize)> {
        self.word(i, |w| match w {
            Word::Season(n) => Some(n),
            _ => None,
        })
        .map(|(n, e, _)| (n, e))
    }

    /// A word after an article and a season that makes the pair a name or a noun phrase ("the
    /// spring offensive", "the summer camp"): a word of no reading in the time lexicon.
    fn glued_name(&self, e: usize) -> bool {
        self.toks
            .get(e)
            .is_some_and(|tok| tok.kind == Kind::Word && self.hits[e].is_empty())
    }

    /// The year of a period: "of 1989", "1989", "من عام 2024", "of last year", "من العام
    /// الماضي": (year, token after).
    fn period_year(&self, e: usize) -> Option<(YearRef, usize)> {
        let k = self.opt_punct(e, &[","]);
        if let Some((y, false, e2)) = self.year(k, false) {
            return Some((YearRef::Named(y), e2));
        }
        let k = self.opt_prep(k, Prep::Of);
        if k >= self.toks.len() {
            return None;
        }
        if let Some(c) = self.unit_rel(k) {
            if let Spec::RelUnit {
                unit: Unit::Year,
                shift,
            } = c.spec
            {
                return Some((YearRef::Shifted(shift), c.end));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::text::fold::Folded;
    use crate::time::grammar::find;
    use crate::time::spec::{Spec, YearRef};

    fn found(text: &str) -> Vec<(String, Spec)> {
        let folded = Folded::new(text).text;
        let whole = std::ops::Range {
            start: 0,
            end: folded.len(),
        };
        find(&folded, &[whole])
            .into_iter()
            .map(|f| (folded[f.range.clone()].to_string(), f.spec))
            .collect()
    }

    #[test]
    fn references_to_the_time_of_writing() {
        let f = found(
            "Prices are now higher than they were recently, and will fall in the near future.",
        );
        let specs: Vec<&Spec> = f.iter().map(|x| &x.1).collect();
        assert_eq!(
            specs,
            [&Spec::Ref(0), &Spec::Ref(-1), &Spec::Ref(1)],
            "{f:?}"
        );
        let f = found("ويعمل حاليا في الشركة التي زارها مؤخرا، وسيعود إليها قريبا.");
        let specs: Vec<&Spec> = f.iter().map(|x| &x.1).collect();
        assert_eq!(
            specs,
            [&Spec::Ref(0), &Spec::Ref(-1), &Spec::Ref(1)],
            "{f:?}"
        );
    }

    #[test]
    fn quarters_with_and_without_a_year() {
        let f = found("The bank posted a third-quarter loss and expects a profit in the fourth quarter of 2024.");
        assert_eq!(f[0].0, "third-quarter");
        assert!(matches!(
            f[0].1,
            Spec::Quarter {
                n: Some(3),
                year: None,
                ..
            }
        ));
        assert!(matches!(
            f[1].1,
            Spec::Quarter {
                n: Some(4),
                year: Some(YearRef::Named(2024)),
                ..
            }
        ));
        let f = found("وارتفعت الأرباح في الربع الثالث من العام الماضي.");
        assert!(
            matches!(
                f[0].1,
                Spec::Quarter {
                    n: Some(3),
                    year: Some(YearRef::Shifted(-1)),
                    ..
                }
            ),
            "{f:?}"
        );
        // a quarter of an hour or of a city is no period
        assert!(found("A quarter of the residents left.").is_empty());
    }

    #[test]
    fn the_quarter_and_year_earlier() {
        let f = found("Sales fell in the quarter, compared with year-earlier sales.");
        assert!(matches!(f[0].1, Spec::Quarter { n: None, .. }), "{f:?}");
        assert_eq!(f[1], ("year-earlier".to_string(), Spec::YearEarlier));
    }

    #[test]
    fn seasons_need_a_shift_an_article_or_a_year() {
        let f = found("Talks began this spring and resume in the winter of 2025.");
        assert_eq!(f[0].0, "this spring");
        let f = found("Talks began last summer and resume in the winter of 2025.");
        assert!(
            matches!(
                f[0].1,
                Spec::Season {
                    n: 2,
                    shift: Some(-1),
                    ..
                }
            ),
            "{f:?}"
        );
        assert!(matches!(
            f[1].1,
            Spec::Season {
                n: 4,
                year: Some(YearRef::Named(2025)),
                ..
            }
        ));
        let f = found("وبدأت المحادثات الصيف الماضي وتستأنف في شتاء 2025.");
        assert!(
            matches!(
                f[0].1,
                Spec::Season {
                    n: 2,
                    shift: Some(-1),
                    ..
                }
            ),
            "{f:?}"
        );
        assert!(matches!(f[1].1, Spec::Season { n: 4, .. }), "{f:?}");
        assert!(found("Prices may fall as the Arab Spring protests spread.").is_empty());
    }

    #[test]
    fn a_period_may_end_the_text() {
        for text in [
            "Profit rose in the quarter",
            "Profit rose in the third quarter",
            "last summer",
            "الربع الثالث",
            "الصيف",
        ] {
            let _ = found(text);
        }
        assert_eq!(found("Profit rose in the third quarter").len(), 1);
    }
}
