//! Writing a template back as TOML.

use crate::model::sop::SopTemplate;

/// [`SopTemplate::to_toml`]: the template as TOML.
pub(super) fn to_toml(sop: &SopTemplate) -> String {
    let mut o = String::new();
    let k = &sop.kepala;
    o.push_str("[sop]\n");
    tulis_teks(&mut o, "kode", &k.kode, true);
    tulis_teks(&mut o, "nomor", &k.nomor, false);
    tulis_teks(&mut o, "nama", &k.nama, true);
    tulis_teks(&mut o, "instansi", &k.instansi, false);
    for (kunci, tgl) in [
        ("tanggal_pembuatan", k.tanggal_pembuatan),
        ("tanggal_revisi", k.tanggal_revisi),
        ("tanggal_efektif", k.tanggal_efektif),
    ] {
        if let Some(t) = tgl {
            o.push_str(&format!("{kunci} = {}\n", t.format("%Y-%m-%d")));
        }
    }
    tulis_teks(&mut o, "disahkan_oleh", &k.disahkan_oleh, false);
    tulis_daftar(&mut o, "dasar_hukum", &k.dasar_hukum);
    tulis_daftar(&mut o, "kualifikasi_pelaksana", &k.kualifikasi_pelaksana);
    tulis_daftar(&mut o, "keterkaitan", &k.keterkaitan);
    tulis_daftar(&mut o, "peralatan_perlengkapan", &k.peralatan_perlengkapan);
    tulis_daftar(&mut o, "peringatan", &k.peringatan);
    tulis_daftar(&mut o, "pencatatan_pendataan", &k.pencatatan_pendataan);
    for pl in &sop.pelaksana {
        o.push_str("\n[[pelaksana]]\n");
        tulis_teks(&mut o, "kode", &pl.kode, true);
        tulis_teks(&mut o, "nama", &pl.nama, true);
    }
    for l in &sop.langkah {
        o.push_str("\n[[langkah]]\n");
        tulis_teks(&mut o, "no", &l.no, true);
        tulis_teks(&mut o, "kegiatan", &l.kegiatan, true);
        tulis_teks(&mut o, "pelaksana", &l.pelaksana, true);
        tulis_daftar(&mut o, "kelengkapan", &l.kelengkapan);
        tulis_teks(&mut o, "waktu", &l.waktu.to_string(), true);
        tulis_teks(&mut o, "output", &l.output, false);
        tulis_teks(&mut o, "keterangan", &l.keterangan, false);
        if let Some(t) = &l.tolak_ke {
            tulis_teks(&mut o, "tolak_ke", t, true);
        }
        if l.per_unit {
            o.push_str("per_unit = true\n");
        }
        if l.akhir {
            o.push_str("akhir = true\n");
        }
    }
    o
}

fn kutip_toml(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => o.push_str(&format!("\\u{:04X}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn tulis_teks(o: &mut String, kunci: &str, nilai: &str, selalu: bool) {
    if selalu || !nilai.is_empty() {
        o.push_str(&format!("{kunci} = {}\n", kutip_toml(nilai)));
    }
}

fn tulis_daftar(o: &mut String, kunci: &str, isi: &[String]) {
    if isi.is_empty() {
        return;
    }
    o.push_str(&format!("{kunci} = [\n"));
    for s in isi {
        o.push_str(&format!("    {},\n", kutip_toml(s)));
    }
    o.push_str("]\n");
}
