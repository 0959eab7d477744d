//! `SopTemplate::parse` (TOML → SOP template): never panics; an accepted
//! template satisfies every rule the parser promises, and writes back
//! (`to_toml`) to text that parses to the same template; a refused one gets
//! positioned Indonesian messages, sorted by position.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use perkin::model::sop::SopTemplate;

fn slug_sah(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.split('-').all(|b| {
            !b.is_empty()
                && b.bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

fn periksa_sah(t: &SopTemplate) {
    assert!(slug_sah(&t.kepala.kode), "kode {:?}", t.kepala.kode);
    assert!(!t.kepala.nama.trim().is_empty());

    assert!(!t.pelaksana.is_empty());
    let mut kode = HashSet::new();
    for p in &t.pelaksana {
        assert!(slug_sah(&p.kode), "pelaksana kode {:?}", p.kode);
        assert!(!p.nama.trim().is_empty());
        assert!(kode.insert(p.kode.as_str()), "pelaksana {:?} twice", p.kode);
    }

    assert!(!t.langkah.is_empty());
    let terakhir = t.langkah.len() - 1;
    let mut nomor = HashSet::new();
    for (i, l) in t.langkah.iter().enumerate() {
        assert!(
            !l.no.is_empty() && !l.no.chars().any(char::is_whitespace),
            "no {:?}",
            l.no
        );
        assert!(nomor.insert(l.no.as_str()), "no {:?} twice", l.no);
        assert_eq!(t.indeks_langkah(&l.no), Some(i));
        assert!(!l.kegiatan.trim().is_empty());
        assert!(
            kode.contains(l.pelaksana.as_str()),
            "lane {:?}",
            l.pelaksana
        );
        assert!(t.indeks_pelaksana(&l.pelaksana).is_some());
        assert!(!t.nama_pelaksana(i).is_empty());
        assert!(l.waktu.centi > 0 && l.waktu.centi <= l.waktu.satuan.maks_centi());
        assert_eq!(
            l.akhir,
            i == terakhir,
            "akhir on step {i} of {}",
            terakhir + 1
        );
        assert_eq!(t.keputusan(i), l.tolak_ke.is_some());
        if l.tolak_ke.is_some() {
            let j = t.target_tolak(i).expect("tolak_ke names a step");
            assert!(j < i, "step {i} rejects forward to {j}");
            assert!(i != terakhir, "the last step is a decision");
        }
        let _ = t.label_pelaksana(i);
    }
    assert!(!t.keputusan(t.langkah.len()));
    assert!(t.target_tolak(t.langkah.len()).is_none());
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    match SopTemplate::parse(src, "fuzz.toml") {
        Ok(t) => {
            periksa_sah(&t);
            let ditulis = t.to_toml();
            match SopTemplate::parse(&ditulis, "ditulis.toml") {
                Ok(ulang) => assert_eq!(ulang, t, "to_toml changed the template:\n{ditulis}"),
                Err(e) => {
                    panic!("to_toml wrote a template that does not parse:\n{e}\n---\n{ditulis}")
                }
            }
            // serde form (used by the JSON export) never fails.
            serde_json::to_string(&t).expect("serialize");
        }
        Err(e) => {
            assert!(!e.0.is_empty(), "refused without a message");
            let baris_sumber = src.split('\n').count();
            let mut sebelum = (0, 0);
            for g in &e.0 {
                assert_eq!(g.berkas, "fuzz.toml");
                assert!(
                    g.baris >= 1 && g.baris <= baris_sumber,
                    "{g:?} in {baris_sumber} lines"
                );
                assert!(g.kolom >= 1, "{g:?}");
                assert!(!g.pesan.trim().is_empty(), "{g:?}");
                assert!((g.baris, g.kolom) >= sebelum, "not sorted: {:?}", e.0);
                sebelum = (g.baris, g.kolom);
            }
            let _ = e.to_string();
        }
    }
});
