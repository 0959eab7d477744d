//! Plain-text rendering of an SOP as its step table, for `perkin sop show`.

use crate::model::sop::SopTemplate;

/// Word-wraps `text` to lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let mut word = word.to_string();
            // A word longer than the column is cut.
            while word.chars().count() > width {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                let head: String = word.chars().take(width).collect();
                word = word.chars().skip(width).collect();
                lines.push(head);
            }
            let needed = if line.is_empty() {
                0
            } else {
                line.chars().count() + 1
            } + word.chars().count();
            if needed > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
    }
    lines
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

/// The SOP as a table: No, Kegiatan, Pelaksana, Kelengkapan, Waktu, Output,
/// and the decision (where Ya goes on and where Tolak returns).
pub fn render_sop(t: &SopTemplate) -> String {
    let k = &t.kepala;
    let mut out = String::new();
    out.push_str(&format!("SOP {} — {}\n", k.nomor, k.nama));
    if !k.instansi.is_empty() {
        out.push_str(&format!("Instansi: {}\n", k.instansi));
    }
    if let Some(d) = k.tanggal_efektif {
        out.push_str(&format!("Tanggal efektif: {}\n", crate::fmt::tanggal(d)));
    }
    out.push_str(&format!(
        "Pelaksana: {}\n\n",
        t.pelaksana
            .iter()
            .map(|p| p.nama.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    ));
    let headers = [
        "No",
        "Kegiatan",
        "Pelaksana",
        "Kelengkapan",
        "Waktu",
        "Output",
        "Keputusan",
    ];
    let widths = [4, 36, 20, 30, 10, 26, 16];
    let rule: String = widths
        .iter()
        .map(|w| "-".repeat(*w))
        .collect::<Vec<_>>()
        .join("-+-");
    let row = |cells: &[Vec<String>]| -> String {
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        let mut s = String::new();
        for i in 0..height {
            let parts: Vec<&str> = cells
                .iter()
                .map(|c| c.get(i).map(String::as_str).unwrap_or(""))
                .collect();
            // Nothing after the last filled cell of this line.
            let last = parts.iter().rposition(|p| !p.is_empty()).unwrap_or(0);
            let line: Vec<String> = parts[..=last]
                .iter()
                .zip(widths)
                .map(|(c, w)| pad(c, w))
                .collect();
            s.push_str(line.join(" | ").trim_end());
            s.push('\n');
        }
        s
    };
    out.push_str(&row(&headers
        .iter()
        .map(|h| vec![h.to_string()])
        .collect::<Vec<_>>()));
    out.push_str(&rule);
    out.push('\n');
    for (i, l) in t.langkah.iter().enumerate() {
        let pelaksana = t.label_pelaksana(i);
        let kelengkapan: Vec<String> = l
            .kelengkapan
            .iter()
            .flat_map(|x| wrap(&format!("- {x}"), widths[3]))
            .collect();
        let keputusan = match t.target_tolak(i) {
            Some(target) => {
                let ya = t
                    .langkah
                    .get(i + 1)
                    .map_or("selesai".to_string(), |n| n.no.clone());
                format!("Ya → {ya}; Tolak → {}", t.langkah[target].no)
            }
            None if l.akhir => "akhir".to_string(),
            None => String::new(),
        };
        let cells = vec![
            vec![l.no.clone()],
            wrap(&l.kegiatan, widths[1]),
            wrap(&pelaksana, widths[2]),
            if kelengkapan.is_empty() {
                vec!["-".to_string()]
            } else {
                kelengkapan
            },
            wrap(&l.waktu.to_string(), widths[4]),
            wrap(&l.output, widths[5]),
            wrap(&keputusan, widths[6]),
        ];
        out.push_str(&row(&cells));
        out.push_str(&rule);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_words_and_cuts_long_ones() {
        assert_eq!(wrap("satu dua tiga", 8), vec!["satu dua", "tiga"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), vec![""]);
    }
}
