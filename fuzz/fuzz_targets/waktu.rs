//! `Waktu::parse` (the standard time of an SOP step): never panics, quotes
//! the input only in short form, and whatever it accepts round-trips through
//! its canonical text and its serde form.
#![no_main]

use libfuzzer_sys::fuzz_target;
use perkin::model::worktime::standard::Waktu;

fuzz_target!(|data: &[u8]| {
    let Ok(teks) = std::str::from_utf8(data) else {
        return;
    };
    let hasil = Waktu::parse(teks);

    // Surrounding whitespace never changes the answer.
    assert_eq!(Waktu::parse(&format!(" \t{teks}\n ")), hasil);

    match hasil {
        Ok(w) => {
            assert!(w.centi > 0, "{teks:?} accepted as zero");
            assert!(
                w.centi <= w.satuan.maks_centi(),
                "{teks:?} accepted above the maximum: {w:?}"
            );

            // The canonical text parses back to the same value and is stable.
            let kanonik = w.to_string();
            assert_eq!(
                Waktu::parse(&kanonik),
                Ok(w),
                "{teks:?} → {kanonik:?} does not round-trip"
            );
            assert_eq!(Waktu::parse(&kanonik).unwrap().to_string(), kanonik);
            // Case does not matter for what the display writes.
            assert_eq!(Waktu::parse(&kanonik.to_uppercase()), Ok(w));

            // serde: a JSON string in, the same value out.
            let json = serde_json::to_string(&w).expect("serialize");
            let balik: Waktu = serde_json::from_str(&json).expect("deserialize");
            assert_eq!(balik, w);

            // Working minutes never panic, whatever the length of a day.
            for menit_per_hari in [0, 1, 450, 480, u32::MAX] {
                let m = w.menit_kerja(menit_per_hari);
                if menit_per_hari == 0 && w.satuan == perkin::model::worktime::standard::SatuanWaktu::Hari {
                    assert_eq!(m, 0);
                }
            }
        }
        Err(e) => {
            // The message is Indonesian, non-empty, and never echoes a huge
            // input whole (quotes are cut at 40 characters).
            let pesan = e.to_string();
            assert!(!pesan.is_empty());
            assert!(
                pesan.chars().count() <= 400,
                "message of {} characters for an input of {}",
                pesan.chars().count(),
                teks.chars().count()
            );
            assert!(pesan.contains("contoh yang sah"), "{pesan}");
            // The same error when read through serde.
            let json = serde_json::to_string(teks).expect("string");
            assert!(serde_json::from_str::<Waktu>(&json).is_err());
        }
    }
});
