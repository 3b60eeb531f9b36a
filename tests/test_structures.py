"""How real articles write results: ranks, lists, regions named alone, schemes of DOMAIN.md beyond
the service evaluations. Every case is written here in our own words."""
from __future__ import annotations

import datetime as dt

import pytest

from extract.mine.predicates import find_ranks
from extract.mine.units import find_units
from extract.records import Article
from extract.runner.stages import mine


def claims_of(text: str, published=dt.date(2024, 5, 2)) -> set[tuple]:
    article = Article("t", "t.txt", None, None, None, None, published, "id", text)
    return {(c.unit, c.predicate) for c in mine(article).claims}


RANK_CASES = [
    ("rank-roman", "menduduki Peringkat II", "Peringkat II"),
    ("rank-word", "meraih peringkat pertama", "Peringkat I"),
    ("rank-ordinal-number", "berada di urutan ke-3", "Peringkat III"),
    ("rank-best-second", "terpilih sebagai yang terbaik kedua", "Peringkat II"),
    ("rank-champion-digit", "keluar sebagai Juara 1", "Peringkat I"),
    ("rank-position", "posisi keempat ditempati", "Peringkat IV"),
    ("rank-highest-named-after", "provinsi dengan nilai keterbukaan tertinggi adalah Bali", "Peringkat I"),
    ("rank-right-below-the-one-before", "Bali di peringkat kedua. Tepat di bawahnya ada Riau.", "Peringkat III"),
]


@pytest.mark.parametrize("text, label", [c[1:] for c in RANK_CASES], ids=[c[0] for c in RANK_CASES])
def test_ranks_are_read_as_places(text, label):
    assert [r.label for r in find_ranks(text)][-1:] == [label]


NOT_RANK_CASES = [
    ("group-of-best", "masuk peringkat 10 besar nasional"),
    ("a-second-time", "meraih predikat itu untuk kedua kalinya, juara ke-2 kalinya"),
    ("no-ordinal", "peringkat tersebut naik"),
    ("below-with-no-rank-before", "Tepat di bawahnya ada Riau."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_RANK_CASES], ids=[c[0] for c in NOT_RANK_CASES])
def test_groups_and_repeats_are_no_rank(text):
    assert find_ranks(text) == []


UNIT_CASES = [
    ("region-after-passive-agent", "Urutan kedua ditempati oleh Kalimantan Timur dengan indeks 4,40.",
     [("Kalimantan Timur", "Pemerintah Provinsi Kalimantan Timur")]),
    ("region-after-presentative", "Di posisi ketiga terdapat Nusa Tenggara Barat.",
     [("Nusa Tenggara Barat", "Pemerintah Provinsi Nusa Tenggara Barat")]),
    ("region-after-comma-before-verb", "Tak jauh dari itu, Sulawesi Selatan menempati urutan kelima.",
     [("Sulawesi Selatan", "Pemerintah Provinsi Sulawesi Selatan")]),
    ("region-after-rank-takes-named-kind", "Untuk tingkat kota, Peringkat I Bogor dan Peringkat II Madiun.",
     [("Bogor", "Pemerintah Kota Bogor"), ("Madiun", "Pemerintah Kota Madiun")]),
    ("region-as-place-is-no-unit", "Rapat digelar di Sulawesi Selatan, kemarin.", []),
    ("list-shares-its-first-head", "Yakni Samsat Kalbar, Jawa Barat dan Bali.",
     [("Samsat Kalbar", "Samsat Kalbar"), ("Jawa Barat", "Samsat Jawa Barat"), ("Bali", "Samsat Bali")]),
    ("list-members-the-gazetteer-lacks", "yaitu Universitas Negeri Contoh (91,20), PT Kereta Cepat (90,10) dan Bappenas.",
     [("Universitas Negeri Contoh", "Universitas Negeri Contoh"), ("PT Kereta Cepat", "PT Kereta Cepat"),
      ("Bappenas", "Kementerian Perencanaan Pembangunan Nasional/Badan Perencanaan Pembangunan Nasional")]),
    ("list-of-labels-is-no-list-of-units", "dibagi atas kategori yaitu Informatif, Menuju Informatif dan Cukup Informatif.", []),
    ("list-of-lower-case-kinds", "kepada tiga kelompok, yaitu perguruan tinggi negeri, BUMN dan partai politik.", []),
    ("office-holders-of-a-counted-group", "Ketiga bupati itu adalah Bupati Sleman, Walikota Blitar dan Gubernur Bali.",
     [("Bupati Sleman", "Pemerintah Kabupaten Sleman"), ("Walikota Blitar", "Pemerintah Kota Blitar"),
      ("Gubernur Bali", "Pemerintah Provinsi Bali")]),
    ("office-of-a-region-of-another-kind", "yaitu Bupati Surabaya dan Dinas Sosial Kota Contoh.",
     [("Bupati Surabaya", "Bupati Surabaya"), ("Dinas Sosial Kota Contoh", "Dinas Sosial Kota Contoh")]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in UNIT_CASES], ids=[c[0] for c in UNIT_CASES])
def test_units_of_lists_and_rankings(text, expected):
    assert [(u.text, u.canonical) for u in find_units(text)] == expected


CLAIM_CASES = [
    ("ranking-sentences",
     "Hasil indeks pelayanan publik 2023 dirilis Kementerian PANRB. Bali berhasil meraih peringkat pertama dengan "
     "indeks 4,70. Posisi kedua ditempati oleh Jawa Timur dengan indeks 4,61.",
     {("Pemerintah Provinsi Bali", "Peringkat I"), ("Pemerintah Provinsi Jawa Timur", "Peringkat II")}),
    ("grade-and-rank-of-one-unit",
     "Pada evaluasi pelayanan publik, dengan indeks 4,80 dan Kategori A, BPS menempati peringkat pertama.",
     {("Badan Pusat Statistik", "Pelayanan Prima"), ("Badan Pusat Statistik", "Peringkat I")}),
    ("rank-without-a-named-scheme-is-no-claim",
     "Dinas Pendidikan Kota Contoh meraih peringkat kedua lomba kebersihan kantor.", set()),
    ("list-after-namely",
     "Komisi Informasi menyerahkan predikat informatif kepada badan publik, yaitu Universitas Negeri Contoh (91,20) "
     "dan Kementerian Keuangan (93,10).",
     {("Universitas Negeri Contoh", "Informatif"), ("Kementerian Keuangan", "Informatif")}),
    ("list-sentence-after-its-heading",
     "Predikat Pelayanan Prima dalam evaluasi pelayanan publik hanya diraih oleh empat UPT Samsat. Yakni Samsat "
     "Kalbar, Jawa Barat dan Bali.",
     {("Samsat Kalbar", "Pelayanan Prima"), ("Samsat Jawa Barat", "Pelayanan Prima"),
      ("Samsat Bali", "Pelayanan Prima")}),
    ("regions-evaluated-are-not-recipients",
     "Kementerian PANRB menyerahkan penghargaan kepada unit yang meraih predikat A. Adapun wilayah II meliputi "
     "Provinsi Jawa Tengah, Bali dan Nusa Tenggara Barat.", set()),
    ("open-label-top-n-of-another-contest",
     "Menteri PANRB (PANRB) menyerahkan piala kepada peraih Top 5 Penanganan Keluhan Warga 2022. Kelima instansi "
     "yang menerima piala antara lain Pemerintah Kab. Sleman, Pemerintah Provinsi D.I. Yogyakarta dan BPOM.",
     {("Pemerintah Kabupaten Sleman", "Top 5 Penanganan Keluhan Warga"),
      ("Pemerintah Provinsi Daerah Istimewa Yogyakarta", "Top 5 Penanganan Keluhan Warga"),
      ("Badan Pengawas Obat dan Makanan", "Top 5 Penanganan Keluhan Warga")}),
    ("the-giver-named-first-receives-nothing",
     "Ombudsman RI memberikan predikat Kualitas Tertinggi dalam Opini Pengawasan 2023 kepada Pemkot Bogor.",
     {("Pemerintah Kota Bogor", "Kualitas Tertinggi")}),
    ("a-law-year-is-no-award-year",
     "Sesuai UU No. 14 tahun 2008, Komisi Informasi menilai badan publik. Kecamatan Cibeunying meraih predikat "
     "Informatif.", {("Kecamatan Cibeunying", "Informatif")}),
    ("a-list-of-regions-each-receives",
     "Kualifikasi menuju informatif diraih Provinsi Bali, Provinsi Jambi, dan Provinsi Riau dalam monev KIP.",
     {("Pemerintah Provinsi Bali", "Menuju Informatif"), ("Pemerintah Provinsi Jambi", "Menuju Informatif"),
      ("Pemerintah Provinsi Riau", "Menuju Informatif")}),
    ("a-list-of-letters-ends-its-sentence",
     "Monev KIP menilai rumah sakit tipe A, B, dan C. Penghargaan diterima RSUD Kota Bogor dengan kategori Informatif.",
     {("Rumah Sakit Umum Daerah Kota Bogor", "Informatif")}),
    ("a-list-after-a-sentence-ending-in-its-lead",
     "Untuk WBBM diantaranya.\nPolres Contoh Kota, Polres Pelabuhan Sunda dan Polres Tegal.",
     {("Kepolisian Resor Contoh Kota", "WBBM"), ("Kepolisian Resor Pelabuhan Sunda", "WBBM"),
      ("Kepolisian Resor Tegal", "WBBM")}),
    ("the-units-under-a-body-are-no-unit",
     "Enam Polres Jajaran Polda Jateng Raih Predikat WBK", set()),
    ("a-misspelt-type-name-with-dan-is-one-unit",
     "Dinas Penanaman Modall dan Pelayanan Terpadu Satu Pintu Kota Bima meraih predikat Pelayanan Prima.",
     {("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Bima", "Pelayanan Prima")}),
    ("a-rank-after-a-unit-ends-it",
     "Polresta Contoh meraih predikat WBK. Predikat itu diraih Polresta Contoh Komisaris Besar Polisi Andi Wijaya "
     "bersama masyarakat Kota Bogor.", {("Kepolisian Resor Kota Contoh", "WBK")}),
    ("alternating-units-and-ranks",
     "Pemkab Contoh meraih peringkat pertama dalam evaluasi pelayanan publik, yaitu Pemprov Bali meraih peringkat "
     "kedua, Pemprov Jambi peringkat ketiga dan Pemprov Riau pada peringkat keempat.",
     {("Pemerintah Kabupaten Contoh", "Peringkat I"), ("Pemerintah Provinsi Bali", "Peringkat II"),
      ("Pemerintah Provinsi Jambi", "Peringkat III"), ("Pemerintah Provinsi Riau", "Peringkat IV")}),
    ("a-counted-group-is-its-own-subject",
     "KPP Pratama Contoh Raih Predikat WBBM, Dua KPP Lain Sabet WBK",
     {("Kantor Pelayanan Pajak Pratama Contoh", "WBBM")}),
    ("a-label-written-with-badan-publik-is-no-unit",
     "Pemkab Contoh meraih predikat Badan Publik Menuju Informatif dari Komisi Informasi.",
     {("Pemerintah Kabupaten Contoh", "Menuju Informatif")}),
    ("members-of-a-group-counted-earlier",
     "Tiga bupati menerima penghargaan sebagai pelopor pelayanan publik dari Menteri PANRB di Jakarta. Penghargaan "
     "itu diberikan atas kinerja unit layanan di daerahnya. Ketiga bupati tersebut adalah Bupati Sleman, Bupati Gowa "
     "dan Bupati Banyumas.",
     {("Pemerintah Kabupaten Sleman", "Pelopor Pelayanan Publik"), ("Pemerintah Kabupaten Gowa", "Pelopor Pelayanan Publik"),
      ("Pemerintah Kabupaten Banyumas", "Pelopor Pelayanan Publik")}),
    ("a-group-counted-with-another-number-is-another-group",
     "Dua bupati menerima penghargaan sebagai pelopor pelayanan publik. Ketiga kabupaten tersebut adalah Sleman, "
     "Gowa dan Banyumas.", set()),
    ("a-counted-group-without-a-result-gives-nothing",
     "Tiga bupati hadir dalam rapat evaluasi di Jakarta. Ketiga bupati itu adalah Bupati Sleman, Bupati Gowa dan "
     "Bupati Banyumas.", set()),
    ("an-earlier-status-pointed-back-to",
     "Tahun 2023 ini Pemkab Contoh meraih predikat Informatif dengan nilai 91,20. Status ini naik dibanding tahun 2022 "
     "dengan predikat Menuju Informatif.",
     {("Pemerintah Kabupaten Contoh", "Informatif"), ("Pemerintah Kabupaten Contoh", "Menuju Informatif")}),
    ("a-label-named-after-an-award-word",
     "Pemkot Contoh meraih penghargaan Kota Ramah Lansia Tahun 2023 dari Kementerian Sosial.",
     {("Pemerintah Kota Contoh", "Kota Ramah Lansia")}),
    ("a-trophy-named-as-such", "Dinas Sosial Kota Bogor menerima Piala Sapta Layanan dari Gubernur Jawa Barat.",
     {("Dinas Sosial Kota Bogor", "Piala Sapta Layanan")}),
    ("what-a-unit-was-named-as",
     "Polres Sleman ditetapkan sebagai Unit Layanan Percontohan oleh Kementerian PANRB.",
     {("Kepolisian Resor Sleman", "Unit Layanan Percontohan")}),
    ("a-named-label-beside-a-scheme-label-is-its-category",
     "RSUD Kota Bogor meraih penghargaan Unit Layanan Rujukan Kategori Sangat Baik dari KemenPANRB.",
     {("Rumah Sakit Umum Daerah Kota Bogor", "Sangat Baik")}),
    ("a-scheme-named-after-an-award-word-is-no-label",
     "Pemkab Gowa menerima penghargaan Anugerah Keterbukaan Informasi Publik dengan predikat Informatif.",
     {("Pemerintah Kabupaten Gowa", "Informatif")}),
    ("the-field-in-a-title-is-no-label", "Sekretariat Kemenko Contoh Raih Penghargaan Pelayanan Publik 2021", set()),
    ("a-giver-or-an-office-is-no-label", "Pemkab Gowa menerima penghargaan Bupati Sleman dan Kementerian PANRB.", set()),
    ("a-dateline-after-a-caption-is-no-label", "Bupati Contoh saat menerima penghargaan\nMamasa, kabar.com - Pemkab "
     "Mamasa dinilai baik.", set()),
    ("an-award-as-a-token-of-thanks-is-no-label",
     "Pemkab Contoh menerima penghargaan sebagai bentuk apresiasi dari Gubernur.", set()),
    ("a-kind-of-unit-alone-receives-nothing",
     "Tiga unit yang dinilai, yakni RSUD, Dinas Kependudukan dan Pencatatan Sipil dan Samsat, meraih kategori A.", set()),
    ("the-highest-named-after-adalah-is-first",
     "Komisi Informasi menilai badan publik tahun 2016. Ketua KI menyebutkan, provinsi dengan nilai keterbukaan "
     "tertinggi adalah Lampung.", {("Pemerintah Provinsi Lampung", "Peringkat I")}),
    ("a-rank-in-the-year-after-the-scheme-was-renamed",
     "Hasil Penilaian Kepatuhan Ombudsman Tahun 2023, Kota Magelang menduduki peringkat I.",
     {("Pemerintah Kota Magelang", "Peringkat I")}),
    ("an-addressee-is-no-recipient",
     "Pemkot Contoh meraih nilai A. Wali Kota mengajak jajaran perangkat daerah terkait khususnya Dinas Sosial "
     "Kota Bogor agar mempertahankan nilai A tersebut.", {("Pemerintah Kota Contoh", "Pelayanan Prima")}),
    ("a-label-before-a-verb-is-ordinary-language",
     "Pemkot Contoh meraih predikat WBK. Pelayanan Dinas Sosial Kota Bogor sangat baik diterima masyarakat.",
     {("Pemerintah Kota Contoh", "WBK")}),
    ("a-label-named-before-its-passive-verb",
     "Dalam evaluasi Kementerian PANRB, predikat sangat baik diraih Dinas Sosial Kota Bogor.",
     {("Dinas Sosial Kota Bogor", "Sangat Baik")}),
    ("a-government-wins-through-its-unit",
     "Pemprov Jambi meraih peringkat pertama dalam evaluasi pelayanan publik Kementerian PANRB. Penghargaan "
     "kategori Pelayanan Prima itu diraih melalui Bapenda atau Samsat Provinsi Jambi.",
     {("Samsat Provinsi Jambi", "Peringkat I"), ("Samsat Provinsi Jambi", "Pelayanan Prima")}),
    ("a-rank-takes-the-scheme-of-its-label",
     "Samsat Provinsi Jambi meraih Peringkat pertama kategori Pelayanan Prima dari Kementerian PANRB tahun 2022.",
     {("Samsat Provinsi Jambi", "Peringkat I"), ("Samsat Provinsi Jambi", "Pelayanan Prima")}),
    ("a-zone-after-the-compliance-survey-is-the-opinions-zone",
     "Kabupaten Sleman masuk zona hijau dalam penilaian kepatuhan Ombudsman tahun 2023.",
     {("Pemerintah Kabupaten Sleman", "Zona Hijau")}),
    ("a-zone-in-the-compliance-years",
     "Kabupaten Sleman masuk zona hijau dalam penilaian kepatuhan Ombudsman tahun 2019.",
     {("Pemerintah Kabupaten Sleman", "Kepatuhan Tinggi")}),
    ("a-zone-beside-its-opinion-is-its-grade",
     "Dalam Opini Pengawasan Ombudsman 2023, Pemkab Sleman meraih opini Kualitas Tertinggi. Pemkab Sleman "
     "memperoleh nilai 92,18 dan berada di zona hijau.", {("Pemerintah Kabupaten Sleman", "Kualitas Tertinggi")}),
    ("a-zone-takes-the-scheme-of-the-label-beside-it",
     "Dalam Opini Pengawasan Ombudsman 2023, Pemkab Sleman meraih Kualitas Tinggi. Pada 2021, Pemkab Sleman "
     "masuk zona hijau dengan predikat kepatuhan tinggi dari Ombudsman.",
     {("Pemerintah Kabupaten Sleman", "Kualitas Tinggi"), ("Pemerintah Kabupaten Sleman", "Kepatuhan Tinggi")}),
    ("a-place-right-below-is-the-next",
     "Hasil Indeks Pelayanan Publik 2024 dirilis KemenPANRB. Riau meraih peringkat keempat dengan indeks 4,60. "
     "Tepat di bawahnya terdapat Kalimantan Selatan dengan skor sebesar 4,56.",
     {("Pemerintah Provinsi Riau", "Peringkat IV"), ("Pemerintah Provinsi Kalimantan Selatan", "Peringkat V")}),
    ("a-list-names-the-articles-unit-by-its-province",
     "Samsat Manokwari meraih predikat A+ dari KemenPANRB. Predikat A+ hanya diraih oleh tiga UPT Samsat. Yakni "
     "Samsat DKI, Bali dan Papua Barat.",
     {("Samsat Manokwari", "Pelayanan Prima"), ("Samsat DKI", "Pelayanan Prima"), ("Samsat Bali", "Pelayanan Prima")}),
    ("service-category-prima",
     "Kementerian PANRB memberikan penghargaan kepada Dinas Kesehatan Kota Bogor sebagai penyelenggara pelayanan "
     "publik kategori prima.", {("Dinas Kesehatan Kota Bogor", "Pelayanan Prima")}),
    ("a-provinces-government-by-its-name",
     "Ombudsman RI memberikan predikat Kepatuhan Tinggi kepada Pemerintah Aceh dan Pemda Lembata.",
     {("Pemerintah Provinsi Aceh", "Kepatuhan Tinggi"), ("Pemerintah Kabupaten Lembata", "Kepatuhan Tinggi")}),
]


@pytest.mark.parametrize("text, score", [
    ("Kota Magelang menduduki peringkat I nasional dalam Opini Pengawasan Ombudsman 2023 dengan nilai 98,17.", 98.17),
    ("Indeks nasional dalam Opini Pengawasan Ombudsman 2023 mencapai 78,10, Kota Magelang meraih Kualitas Tertinggi.", None),
], ids=["national-rank-keeps-its-score", "national-index-is-no-units"])
def test_scores_of_ranks_and_aggregates(text, score):
    claims = mine(Article("t", "t.txt", None, None, None, None, dt.date(2024, 1, 5), "id", text)).claims
    assert [c.score for c in claims] == [score]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CLAIM_CASES], ids=[c[0] for c in CLAIM_CASES])
def test_claims_of_lists_and_rankings(text, expected):
    assert claims_of(text) == expected


SCHEME_CASES = [
    ("sakip-double-letter", "Pemkab Contoh kembali meraih predikat BB dalam evaluasi SAKIP tahun 2023.",
     ("Pemerintah Kabupaten Contoh", "Sangat Baik", "SAKIP", "BB")),
    ("sakip-letter-a-is-not-service-prima", "Evaluasi SAKIP 2023: Pemkot Bogor meraih predikat A.",
     ("Pemerintah Kota Bogor", "Memuaskan", "SAKIP", "A")),
    ("kla-category", "Kabupaten Sleman meraih penghargaan Kabupaten Layak Anak kategori Nindya tahun 2023.",
     ("Pemerintah Kabupaten Sleman", "Nindya", "KLA", None)),
    ("bpk-opinion", "Pemprov Bali kembali meraih opini Wajar Tanpa Pengecualian (WTP) dari BPK atas laporan keuangan 2022.",
     ("Pemerintah Provinsi Bali", "WTP", "BPK", None)),
    ("adipura-kencana", "Kota Surabaya meraih Adipura Kencana dari KLHK tahun 2023.",
     ("Pemerintah Kota Surabaya", "Adipura Kencana", "ADIPURA", None)),
    ("swasti-saba", "Kabupaten Sleman meraih penghargaan Swasti Saba Wistara pada 2023.",
     ("Pemerintah Kabupaten Sleman", "Swasti Saba Wistara", "SWASTISABA", None)),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in SCHEME_CASES], ids=[c[0] for c in SCHEME_CASES])
def test_schemes_beyond_the_service_evaluations(text, expected):
    article = Article("t", "t.txt", None, None, None, None, dt.date(2024, 5, 2), "id", text)
    assert [(c.unit, c.predicate, c.scheme, c.grade) for c in mine(article).claims] == [expected]


SPEAKER_CASES = [
    ("connective-before-the-name", "Sedangkan Rahmat Hidayat menyampaikan bahwa inovasi terus berjalan.",
     "Rahmat Hidayat"),
    ("honorific-then-name-then-verb", "Pj Bupati H. Sulaiman mengatakan, kami bersyukur atas penghargaan ini.",
     "Sulaiman"),
    ("titles-without-full-stops", "“Kami bangga,” kata Kepala UPTB, Dra Hj Siti Maryam.", "Siti Maryam"),
    ("police-rank-before-the-name", "“Ada tiga satuan yang lolos,” kata Kapolda Jawa Tengah, Irjen Pol Bambang Wijaya.",
     "Bambang Wijaya"),
    ("where-the-speaker-was-met", "“Kami siap,” kata Karo Ops Brigjen Joko Santoso ditemui di Mapolda, Senin.",
     "Joko Santoso"),
    ("setting-and-weekday-between-name-and-verb",
     "Wali Kota Solok Andi Saputra dalam keterangan tertulis di Solok, Jumat menyampaikan terima kasih.",
     "Andi Saputra"),
    ("short-form-introduced-later", "“Terus berbenah,” kata Ratna. Hal itu disampaikan Deputi Ratna Sari Dewi.",
     "Ratna Sari Dewi"),
    ("a-place-before-the-name", "Dalam diskusi bertema inovasi di Provinsi Bali I Made Sudarsana menyampaikan "
     "bahwa inovasi berjalan.", "I Made Sudarsana"),
    ("rank-in-parentheses", "“Kami bangga,” ujar Kapolres Contoh Ajun Komisaris Besar Polisi (AKBP) Dedi Kurnia "
     "kepada wartawan.", "Dedi Kurnia"),
    ("an-office-alone-is-its-holder", "Piagam diterima Walikota Administrasi Jakarta Barat, M. Yusuf, di Balai Kota. "
     "Walikota menjelaskan, penghargaan itu menjadi tolok ukur.", "M. Yusuf"),
    ("a-relative-clause-after-the-name", "Gubernur Jawa Barat Dedi Mulyana yang hadir dalam acara itu mengatakan "
     "bahwa penilaian berjalan baik.", "Dedi Mulyana"),
    ("an-agency-before-the-name-is-not-the-name",
     "“Kami apresiasi,” ujar Sukarjo. Asisten Deputi KemenPAN-RB Ahmad Sukarjo hadir.", "Ahmad Sukarjo"),
    ("a-balinese-name-holds-a-role-word",
     "Penghargaan diterima Bupati Gianyar, I Made Agung Negara. “Kami bangga,” kata I Made Agung Negara.",
     "I Made Agung Negara"),
    ("an-abbreviated-opener-is-the-full-name",
     "Hadir Ketua Tim Penilai IB Surya Atmaja. Selanjutnya Ida Bagus menjelaskan bahwa penilaian berjalan.",
     "IB Surya Atmaja"),
    ("a-misspelt-short-name-is-the-one-introduced",
     "Ketua KIP Abdulrahman Wicaksono menyebutkan bahwa acara dibuka. “Ini parameter,” kata Abdulrahim.",
     "Abdulrahman Wicaksono"),
    ("initials-closing-a-name", "Apel dipimpin Kepala Kantor Imigrasi Contoh, Budi Santoso HS. Budi Santoso "
     "mengatakan bahwa seluruh jajaran siap.", "Budi Santoso HS"),
    ("initials-not-written-beside-the-office", "Hadir Pj Bupati Banyumas Rudi Hartono AS, Ketua KI dan undangan. Pj Bupati "
     "Banyumas Rudi Hartono yang hadir dalam acara itu mengatakan bahwa penilaian berjalan baik.", "Rudi Hartono"),
]


@pytest.mark.parametrize("text, speaker", [c[1:] for c in SPEAKER_CASES], ids=[c[0] for c in SPEAKER_CASES])
def test_speakers_as_real_articles_write_them(text, speaker):
    article = Article("t", "t.txt", None, None, None, None, dt.date(2024, 5, 2), "id", text)
    assert [q.speaker for q in mine(article).quotes][-1:] == [speaker]
