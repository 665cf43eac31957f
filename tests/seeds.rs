//! The two sample articles against their hand-made gold (tests/gold/seeds.*.tsv): every
//! required quote found and attributed, every required entity tagged, nothing from the page
//! furniture tagged.

use std::path::Path;

use saidby::eval::{
    preds_from_analysis, read_gold_entities, read_gold_quotes, score_entities, score_quotes,
};
use saidby::ingest::{Input, ReadOptions, read_all};
use saidby::pipeline::Pipeline;

fn analyse_samples() -> (Vec<saidby::eval::PredQuote>, Vec<saidby::eval::PredEntity>) {
    let p = Pipeline::bundled().unwrap();
    let (inputs, errors) = Input::discover(&[Path::new("data/samples").to_path_buf()]);
    assert!(errors.is_empty());
    let mut quotes = Vec::new();
    let mut ents = Vec::new();
    for doc in read_all(inputs, ReadOptions::default()) {
        let (q, e) = preds_from_analysis(&p.analyse(doc.unwrap()));
        quotes.extend(q);
        ents.extend(e);
    }
    (quotes, ents)
}

#[test]
fn every_required_quote_is_found_and_attributed() {
    let gold = read_gold_quotes(Path::new("tests/gold/seeds.quotes.tsv")).unwrap();
    let (quotes, _) = analyse_samples();
    let r = score_quotes(&gold, &quotes);
    assert!(r.required >= 35, "the gold has its rows");
    assert!(r.misses.is_empty() && r.wrong.is_empty(), "{r}");
}

#[test]
fn every_required_entity_is_tagged_and_no_furniture() {
    let gold = read_gold_entities(Path::new("tests/gold/seeds.entities.tsv")).unwrap();
    let (_, ents) = analyse_samples();
    let r = score_entities(&gold, &ents);
    assert!(r.misses.is_empty(), "{r}");
    // Names that occur only in icon/share-button text must not be tagged.
    for g in gold.iter().filter(|g| g.required == -1) {
        let tagged = ents.iter().any(|p| {
            p.doc_id == g.doc_id && g.names.iter().any(|n| n.eq_ignore_ascii_case(&p.name))
        });
        assert!(
            !tagged,
            "{} tagged in {} but it is only in the page furniture",
            g.names[0], g.doc_id
        );
    }
}
