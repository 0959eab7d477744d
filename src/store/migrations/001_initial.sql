-- perkin schema, version 1. Instants are stored as UTC RFC 3339 text,
-- dates as ISO yyyy-mm-dd, money as whole Rupiah (INTEGER).

CREATE TABLE office (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    nama_instansi   TEXT NOT NULL DEFAULT '',
    pemerintah      TEXT NOT NULL DEFAULT '',
    alamat          TEXT NOT NULL DEFAULT '',
    kota            TEXT NOT NULL DEFAULT '',
    zona_waktu      TEXT NOT NULL DEFAULT 'WIB' CHECK (zona_waktu IN ('WIB', 'WITA', 'WIT')),
    telepon         TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    laman           TEXT NOT NULL DEFAULT '',
    logo            BLOB,
    logo_mime       TEXT,
    kepala_daerah_jabatan TEXT NOT NULL DEFAULT '',
    kepala_daerah_nama    TEXT NOT NULL DEFAULT '',
    rangkap_cetak   INTEGER NOT NULL DEFAULT 3 CHECK (rangkap_cetak BETWEEN 1 AND 99),
    updated_at      TEXT NOT NULL
);

CREATE TABLE app_setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- SOTK tree.
CREATE TABLE unit (
    id         INTEGER PRIMARY KEY,
    parent_id  INTEGER REFERENCES unit(id),
    kode       TEXT NOT NULL DEFAULT '',
    nama       TEXT NOT NULL CHECK (length(trim(nama)) > 0),
    jenis      TEXT NOT NULL CHECK (jenis IN ('badan', 'sekretariat', 'bidang', 'subbagian', 'subbidang', 'uptd')),
    eselon     TEXT NOT NULL CHECK (eselon IN ('II', 'III', 'IV')),
    urutan     INTEGER NOT NULL DEFAULT 0,
    retired_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX unit_parent ON unit(parent_id);

CREATE TABLE official (
    id             INTEGER PRIMARY KEY,
    nama           TEXT NOT NULL CHECK (length(trim(nama)) > 0),
    gelar_depan    TEXT NOT NULL DEFAULT '',
    gelar_belakang TEXT NOT NULL DEFAULT '',
    nip            TEXT CHECK (nip IS NULL OR length(nip) = 18),
    pangkat        TEXT NOT NULL DEFAULT '',
    golongan       TEXT NOT NULL DEFAULT '',
    jabatan        TEXT NOT NULL DEFAULT '',
    unit_id        INTEGER REFERENCES unit(id),
    status         TEXT NOT NULL DEFAULT 'definitif' CHECK (status IN ('definitif', 'plt', 'plh')),
    mulai          TEXT,
    selesai        TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX official_unit ON official(unit_id);
CREATE INDEX official_nip ON official(nip);

-- Renstra: period → tujuan → sasaran strategis → indikator → yearly targets.
CREATE TABLE renstra_period (
    id          INTEGER PRIMARY KEY,
    tahun_awal  INTEGER NOT NULL,
    tahun_akhir INTEGER NOT NULL,
    nama        TEXT NOT NULL DEFAULT '',
    CHECK (tahun_akhir >= tahun_awal AND tahun_akhir - tahun_awal < 10),
    UNIQUE (tahun_awal, tahun_akhir)
);

CREATE TABLE renstra_tujuan (
    id        INTEGER PRIMARY KEY,
    period_id INTEGER NOT NULL REFERENCES renstra_period(id),
    kode      TEXT NOT NULL DEFAULT '',
    uraian    TEXT NOT NULL,
    urutan    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX renstra_tujuan_period ON renstra_tujuan(period_id);

CREATE TABLE renstra_sasaran (
    id        INTEGER PRIMARY KEY,
    tujuan_id INTEGER NOT NULL REFERENCES renstra_tujuan(id),
    kode      TEXT NOT NULL DEFAULT '',
    uraian    TEXT NOT NULL,
    urutan    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX renstra_sasaran_tujuan ON renstra_sasaran(tujuan_id);

CREATE TABLE renstra_indikator (
    id             INTEGER PRIMARY KEY,
    sasaran_id     INTEGER NOT NULL REFERENCES renstra_sasaran(id),
    kode           TEXT NOT NULL DEFAULT '',
    nama           TEXT NOT NULL,
    satuan         TEXT NOT NULL DEFAULT '',
    baseline_tahun INTEGER,
    baseline_nilai TEXT NOT NULL DEFAULT '',
    definisi       TEXT NOT NULL DEFAULT '',
    formula        TEXT NOT NULL DEFAULT '',
    sumber_data    TEXT NOT NULL DEFAULT '',
    arah           TEXT NOT NULL DEFAULT 'naik' CHECK (arah IN ('naik', 'turun')),
    kumulatif      INTEGER NOT NULL DEFAULT 0,
    jenis          TEXT NOT NULL DEFAULT 'iku' CHECK (jenis IN ('iku', 'iki', 'lain')),
    unit_id        INTEGER REFERENCES unit(id),
    urutan         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX renstra_indikator_sasaran ON renstra_indikator(sasaran_id);

-- A target is a number or a text ("WTP", "BB"): exactly one of the two.
CREATE TABLE renstra_target (
    indikator_id INTEGER NOT NULL REFERENCES renstra_indikator(id) ON DELETE CASCADE,
    tahun        INTEGER NOT NULL,
    angka        REAL,
    teks         TEXT,
    CHECK ((angka IS NULL) <> (teks IS NULL)),
    PRIMARY KEY (indikator_id, tahun)
) WITHOUT ROWID;

-- Renja: a year with its DPA; program → kegiatan → sub kegiatan in one tree.
CREATE TABLE renja_year (
    tahun        INTEGER PRIMARY KEY,
    nomor_dpa    TEXT NOT NULL DEFAULT '',
    tanggal_dpa  TEXT,
    nomor_dppa   TEXT NOT NULL DEFAULT '',
    tanggal_dppa TEXT
);

CREATE TABLE renja_item (
    id          INTEGER PRIMARY KEY,
    tahun       INTEGER NOT NULL REFERENCES renja_year(tahun),
    parent_id   INTEGER REFERENCES renja_item(id),
    level       TEXT NOT NULL CHECK (level IN ('program', 'kegiatan', 'sub_kegiatan')),
    kode        TEXT NOT NULL,
    nama        TEXT NOT NULL,
    unit_id     INTEGER REFERENCES unit(id),
    sasaran_id  INTEGER REFERENCES renstra_sasaran(id),
    sasaran_teks TEXT NOT NULL DEFAULT '',
    pagu        INTEGER NOT NULL DEFAULT 0 CHECK (pagu >= 0),
    pagu_dpa    INTEGER CHECK (pagu_dpa IS NULL OR pagu_dpa >= 0),
    urutan      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX renja_item_tahun ON renja_item(tahun, parent_id);

CREATE TABLE renja_indikator (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES renja_item(id) ON DELETE CASCADE,
    nama         TEXT NOT NULL,
    satuan       TEXT NOT NULL DEFAULT '',
    angka        REAL,
    teks         TEXT,
    renstra_indikator_id INTEGER REFERENCES renstra_indikator(id),
    urutan       INTEGER NOT NULL DEFAULT 0,
    CHECK ((angka IS NULL) <> (teks IS NULL))
);
CREATE INDEX renja_indikator_item ON renja_indikator(item_id);

-- Agreements (Perjanjian Kinerja): one per unit, year and jenis; versions
-- (1 = the original, 2.. = PK Perubahan) with the parties frozen as snapshots.
CREATE TABLE agreement (
    id         INTEGER PRIMARY KEY,
    tahun      INTEGER NOT NULL,
    unit_id    INTEGER NOT NULL REFERENCES unit(id),
    jenis      TEXT NOT NULL CHECK (jenis IN ('kepala', 'eselon3', 'eselon4')),
    created_at TEXT NOT NULL,
    UNIQUE (tahun, unit_id, jenis)
);

CREATE TABLE agreement_version (
    id             INTEGER PRIMARY KEY,
    agreement_id   INTEGER NOT NULL REFERENCES agreement(id),
    versi          INTEGER NOT NULL CHECK (versi >= 1),
    status         TEXT NOT NULL DEFAULT 'draf'
                   CHECK (status IN ('draf', 'diajukan', 'diparaf', 'ditandatangani', 'diarsipkan')),
    nomor          TEXT NOT NULL DEFAULT '',
    tempat         TEXT NOT NULL DEFAULT '',
    tanggal        TEXT,
    alasan_jenis   TEXT CHECK (alasan_jenis IS NULL OR alasan_jenis IN ('pejabat', 'program_anggaran', 'lainnya')),
    alasan         TEXT NOT NULL DEFAULT '',
    -- Pihak Pertama (the promising official) and Pihak Kedua (the superior):
    -- the official chosen, and the snapshot printed.
    p1_official_id INTEGER REFERENCES official(id),
    p1_nama        TEXT NOT NULL DEFAULT '',
    p1_nip         TEXT NOT NULL DEFAULT '',
    p1_pangkat     TEXT NOT NULL DEFAULT '',
    p1_jabatan     TEXT NOT NULL DEFAULT '',
    p1_status      TEXT NOT NULL DEFAULT 'definitif',
    p2_official_id INTEGER REFERENCES official(id),
    p2_nama        TEXT NOT NULL DEFAULT '',
    p2_nip         TEXT NOT NULL DEFAULT '',
    p2_pangkat     TEXT NOT NULL DEFAULT '',
    p2_jabatan     TEXT NOT NULL DEFAULT '',
    p2_status      TEXT NOT NULL DEFAULT 'definitif',
    signed_at      TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (agreement_id, versi)
);

CREATE TABLE agreement_line (
    id           INTEGER PRIMARY KEY,
    version_id   INTEGER NOT NULL REFERENCES agreement_version(id) ON DELETE CASCADE,
    urutan       INTEGER NOT NULL DEFAULT 0,
    sasaran      TEXT NOT NULL DEFAULT '',
    indikator    TEXT NOT NULL DEFAULT '',
    satuan       TEXT NOT NULL DEFAULT '',
    target       TEXT NOT NULL DEFAULT '',
    tw1          TEXT NOT NULL DEFAULT '',
    tw2          TEXT NOT NULL DEFAULT '',
    tw3          TEXT NOT NULL DEFAULT '',
    tw4          TEXT NOT NULL DEFAULT '',
    sumber_jenis TEXT CHECK (sumber_jenis IS NULL OR sumber_jenis IN ('renstra', 'renja')),
    sumber_id    INTEGER
);
CREATE INDEX agreement_line_version ON agreement_line(version_id, urutan);

CREATE TABLE agreement_budget (
    id           INTEGER PRIMARY KEY,
    version_id   INTEGER NOT NULL REFERENCES agreement_version(id) ON DELETE CASCADE,
    urutan       INTEGER NOT NULL DEFAULT 0,
    level        TEXT NOT NULL CHECK (level IN ('program', 'kegiatan', 'sub_kegiatan')),
    kode         TEXT NOT NULL DEFAULT '',
    uraian       TEXT NOT NULL,
    anggaran     INTEGER NOT NULL DEFAULT 0 CHECK (anggaran >= 0),
    renja_item_id INTEGER REFERENCES renja_item(id)
);
CREATE INDEX agreement_budget_version ON agreement_budget(version_id, urutan);

-- SOP templates: the TOML source is the truth; built-ins are installed from assets.
CREATE TABLE sop_template (
    kode       TEXT PRIMARY KEY,
    nomor      TEXT NOT NULL DEFAULT '',
    nama       TEXT NOT NULL,
    bawaan     INTEGER NOT NULL DEFAULT 0,
    source     TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Cycles (process instances) and their task visits. A cycle freezes its
-- template source and the length of a working day at start.
CREATE TABLE cycle (
    id              INTEGER PRIMARY KEY,
    template_kode   TEXT NOT NULL REFERENCES sop_template(kode),
    template_source TEXT NOT NULL,
    nama            TEXT NOT NULL,
    tahun           INTEGER NOT NULL,
    minutes_per_day INTEGER NOT NULL CHECK (minutes_per_day > 0),
    started_at      TEXT NOT NULL,
    finished_at     TEXT
);

CREATE TABLE cycle_unit (
    cycle_id   INTEGER NOT NULL REFERENCES cycle(id),
    unit_id    INTEGER NOT NULL REFERENCES unit(id),
    urutan     INTEGER NOT NULL,
    version_id INTEGER REFERENCES agreement_version(id),
    PRIMARY KEY (cycle_id, unit_id)
) WITHOUT ROWID;

CREATE TABLE task_visit (
    id               INTEGER PRIMARY KEY,
    cycle_id         INTEGER NOT NULL REFERENCES cycle(id),
    seq              INTEGER NOT NULL,
    step_index       INTEGER NOT NULL,
    step_no          TEXT NOT NULL,
    unit_id          INTEGER REFERENCES unit(id),
    opened_by        INTEGER,
    round            INTEGER NOT NULL,
    started_at       TEXT NOT NULL,
    standard_minutes INTEGER NOT NULL,
    finished_at      TEXT,
    outcome          TEXT CHECK (outcome IS NULL OR outcome IN ('selesai', 'ya', 'tolak')),
    note             TEXT NOT NULL DEFAULT '',
    reason           TEXT NOT NULL DEFAULT '',
    performer_id     INTEGER REFERENCES official(id),
    performer        TEXT NOT NULL DEFAULT '',
    UNIQUE (cycle_id, seq),
    CHECK ((finished_at IS NULL) = (outcome IS NULL))
);
CREATE INDEX task_visit_open ON task_visit(cycle_id, finished_at);

-- The working calendar: hours per weekday (1 = Monday … 7 = Sunday; NULL
-- buka = no work that day), minutes since midnight, and the holidays.
CREATE TABLE work_hours (
    weekday         INTEGER PRIMARY KEY CHECK (weekday BETWEEN 1 AND 7),
    buka            INTEGER,
    tutup           INTEGER,
    istirahat_mulai INTEGER,
    istirahat_akhir INTEGER
);

CREATE TABLE holiday (
    tanggal TEXT PRIMARY KEY,
    nama    TEXT NOT NULL,
    jenis   TEXT NOT NULL CHECK (jenis IN ('nasional', 'cuti_bersama', 'lokal')),
    sumber  TEXT NOT NULL DEFAULT 'pengguna'
);

-- The archive register of signed paper, and every print made.
CREATE TABLE archive_entry (
    id             INTEGER PRIMARY KEY,
    version_id     INTEGER NOT NULL REFERENCES agreement_version(id),
    tahun          INTEGER NOT NULL,
    nomor_agenda   TEXT NOT NULL,
    tanggal        TEXT NOT NULL,
    rangkap        INTEGER NOT NULL DEFAULT 1 CHECK (rangkap >= 1),
    lemari         TEXT NOT NULL DEFAULT '',
    rak            TEXT NOT NULL DEFAULT '',
    boks           TEXT NOT NULL DEFAULT '',
    map            TEXT NOT NULL DEFAULT '',
    diserahkan_kepada TEXT NOT NULL DEFAULT '',
    tanggal_serah  TEXT,
    keterangan     TEXT NOT NULL DEFAULT '',
    scan_sha256    TEXT,
    scan_nama      TEXT,
    scan_mime      TEXT,
    scan_bytes     INTEGER,
    created_at     TEXT NOT NULL,
    UNIQUE (tahun, nomor_agenda)
);

CREATE TABLE print_log (
    id         INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES agreement_version(id),
    at         TEXT NOT NULL,
    rangkap    INTEGER NOT NULL CHECK (rangkap >= 1),
    operator   TEXT NOT NULL,
    final      INTEGER NOT NULL DEFAULT 1
);

-- The audit log: append-only and hash-chained. Each row's hash is
-- SHA-256 over the previous row's hash and this row's fields (see store::audit).
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    operator    TEXT NOT NULL,
    official_id INTEGER,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL DEFAULT '',
    before_json TEXT,
    after_json  TEXT,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'log audit hanya dapat ditambah, tidak dapat diubah');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'log audit hanya dapat ditambah, tidak dapat dihapus');
END;
