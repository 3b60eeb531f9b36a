"""Invented ordinary Indonesian news for the benchmark pages: articles, headlines, filler words.

An article is drawn from sentence patterns of its topic with names, places, teams, parties and
numbers filled in, so that bodies never repeat. ``STRAY`` gives how often a page holds words the
relevance gate passes although it is no award story, as real news does now and then.
"""
from __future__ import annotations

import random

PEOPLE = ["Budi Santoso", "Siti Rahmawati", "Agus Salim", "Dewi Lestari", "Rudi Hartono", "Rina Marlina", "Andi Wijaya",
          "Yuni Kartika", "Hendra Gunawan", "Fitri Handayani", "Joko Susilo", "Maya Sari", "Bambang Pamungkas",
          "Lina Marpaung", "Fajar Nugraha", "Ratna Dewi", "Eko Prasetyo", "Indah Permata", "Arif Rahman", "Nur Aini"]
PLACES = ["Jakarta", "Bandung", "Surabaya", "Medan", "Semarang", "Makassar", "Palembang", "Denpasar", "Padang", "Malang",
          "Solo", "Yogyakarta", "Balikpapan", "Pontianak", "Manado", "Kupang", "Ambon", "Jayapura", "Serang", "Bekasi"]
TEAMS = ["Persib Bandung", "Persija Jakarta", "Arema FC", "Persebaya Surabaya", "PSM Makassar", "Bali United",
         "PSIS Semarang", "Borneo FC", "Madura United", "Persita Tangerang", "Dewa United", "Barito Putera"]
PARTIES = ["Partai Merah", "Partai Bintang", "Partai Surya", "Partai Rakyat Bersatu", "Partai Nusantara"]
COMPANIES = ["PT Sinar Abadi", "PT Nusa Karya", "PT Mega Pangan", "PT Tirta Jaya", "PT Bumi Lestari", "PT Cahaya Digital"]
FILMS = ["Bayang di Ujung Jalan", "Senja Terakhir", "Rumah Kosong", "Langkah Kecil", "Kampung Sunyi", "Cinta di Pelabuhan"]
HOSTS = ["www.warta-harian.example.com", "news.kabarkita.example.id", "www.suaradaerah.example.co.id",
         "www.sorotnusantara.example.com", "www.bolaterkini.example.com", "www.ekonomipagi.example.id"]
SECTIONS = ["nasional", "daerah", "olahraga", "hiburan", "ekonomi", "politik", "gaya-hidup", "teknologi"]

TOPICS = {
    "politics": (0.25, ["{P} Tegaskan Sikap {Q} soal RUU {W}", "Koalisi {Q} Usung {P} di Pilkada {C}",
                        "DPRD {C} Gelar Rapat Paripurna Bahas Anggaran"], [
        "Rapat paripurna DPRD {C} membahas rancangan peraturan daerah tentang {W} pada {D}.",
        "Ketua fraksi {Q}, {P}, mengatakan pembahasan akan dilanjutkan pekan depan.",
        "Sebanyak {N} anggota dewan hadir dalam rapat yang berlangsung hingga sore hari.",
        "{Q} menyatakan akan mengusung {P} sebagai calon wali kota {C} pada pilkada mendatang.",
        "Menurut pengamat politik {P}, peta koalisi masih bisa berubah menjelang pendaftaran calon.",
        "\u201cKami membuka komunikasi dengan semua partai,\u201d ujar {P} di {C}.",
        "Sejumlah warga menggelar unjuk rasa di depan gedung dewan menolak rencana kenaikan tarif parkir.",
        "Pemerintah daerah diminta lebih terbuka dalam menyusun rencana pembangunan jalan lingkar {C}.",
    ]),
    "sport": (0.25, ["{T} Tekuk {U} {N}-{M}", "Pelatih {T} Puas dengan Penampilan Pemain Muda",
                     "{T} Incar Tiga Poin di Kandang {U}"], [
        "{T} menang {N}-{M} atas {U} dalam lanjutan Liga 1 di {C}, {D}.",
        "Gol kemenangan dicetak pada menit ke-{K} melalui sundulan kepala.",
        "Pelatih {T}, {P}, memuji disiplin lini belakang timnya sepanjang laga.",
        "Hasil ini membuat {T} naik ke posisi {N} klasemen sementara.",
        "\u201cKami akan terus memperbaiki penyelesaian akhir,\u201d kata {P} seusai pertandingan.",
        "Sekitar {K} ribu suporter memadati stadion meski hujan turun sejak sore.",
        "Pekan depan {T} akan melakoni laga tandang melawan {U}.",
        "Kapten tim {P} absen karena cedera lutut dan diperkirakan menepi dua pekan.",
    ]),
    "entertainment": (0.2, ["Film {F} Tembus {N} Juta Penonton", "{P} Rilis Lagu Baru tentang Kampung Halaman",
                            "Konser Musik di {C} Dipadati Penonton"], [
        "Film {F} arahan sutradara {P} menembus {N} juta penonton dalam dua pekan penayangan.",
        "Penyanyi {P} merilis lagu baru yang bercerita tentang masa kecilnya di {C}.",
        "Konser yang digelar di {C} pada {D} itu menghadirkan sejumlah musisi papan atas.",
        "\u201cSaya tidak menyangka sambutan penonton sebesar ini,\u201d ujar {P}.",
        "Tiket konser habis terjual dalam waktu kurang dari satu jam.",
        "Rumah produksi berencana membawa film tersebut ke sejumlah festival di luar negeri.",
        "Para penggemar memadati lokasi sejak siang untuk mendapatkan tempat terbaik.",
    ]),
    "economy": (0.2, ["Harga Cabai di {C} Naik Jadi Rp {K}.000", "Rupiah Melemah {N} Poin Sore Ini",
                      "{O} Buka Pabrik Baru di {C}"], [
        "Harga cabai rawit di pasar tradisional {C} naik menjadi Rp {K}.000 per kilogram.",
        "Pedagang mengatakan pasokan dari daerah sentra berkurang karena cuaca buruk.",
        "Nilai tukar rupiah melemah {N} poin ke level Rp 16.{K}0 per dolar AS pada {D}.",
        "{O} meresmikan pabrik baru di {C} yang menyerap {K} tenaga kerja lokal.",
        "Analis {P} menyebut sentimen suku bunga global masih membebani pasar.",
        "Bank Indonesia memperkirakan inflasi tetap terkendali hingga akhir tahun.",
        "Warga berharap operasi pasar segera digelar agar harga bahan pokok kembali turun.",
    ]),
    "local": (0.1, ["Banjir Rendam {N} Kecamatan di {C}", "Jalan Rusak di {C} Dikeluhkan Warga",
                    "Festival Kuliner {C} Dipadati Pengunjung"], [
        "Banjir merendam ratusan rumah di {N} kecamatan di {C} setelah hujan deras semalaman.",
        "Warga mengungsi ke balai desa dan petugas membagikan makanan siap saji.",
        "Kerusakan jalan sepanjang {K} meter di {C} dikeluhkan pengendara sejak sebulan terakhir.",
        "Festival kuliner di alun-alun {C} menghadirkan {K} pedagang makanan khas.",
        "\u201cKami berharap perbaikan segera dilakukan,\u201d kata {P}, warga setempat.",
        "Petugas gabungan terus memantau ketinggian air di sejumlah titik rawan.",
    ]),
}
# How often an ordinary page holds words the relevance gate passes, as shares of all pages (invented
# rates, of the order a national portal's month shows): a politics story about KPK, an economy story
# quoting the Minister of Finance, a quote saying "sangat baik", an entertainment chart's "Top 10", an
# award story among the related headlines, a film's or a player's award ("meraih penghargaan"); about
# 7.5 % of the ordinary pages in all.
STRAY = {"kpk": 0.012, "menkeu": 0.01, "sangat_baik": 0.015, "top10": 0.005, "award_headline": 0.005,
         "film_award": 0.015, "player_award": 0.01}
_STRAY_SENTENCES = {
    "kpk": ("politics", "Sebelumnya KPK memeriksa {P} sebagai saksi dalam perkara pengadaan barang di {C}."),
    "menkeu": ("economy", "Menteri Keuangan mengatakan penerimaan pajak hingga {D} tumbuh {N} persen."),
    "sangat_baik": (None, "\u201cKondisi lapangan sangat baik untuk pertandingan,\u201d kata {P}."),
    "top10": ("entertainment", "Lagu itu masuk top 10 tangga lagu nasional pekan ini."),
    "film_award": ("entertainment", "Film {F} meraih penghargaan Film Terbaik dalam festival film di {C}."),
    "player_award": ("sport", "{P} menerima penghargaan Pemain Terbaik usai laga pekan ini."),
}
WORDS = ("warga kota jalan pasar rumah sekolah kantor berita hari ini baru lama besar kecil pagi sore malam minggu "
         "bulan tahun musim hujan panas harga bahan makanan minuman olahraga musik film lagu acara festival daerah "
         "desa kampung pantai gunung sungai wisata kuliner belanja promo diskon video foto terkini terpopuler "
         "lainnya selengkapnya indeks kanal profil redaksi kontak iklan karier pedoman siber privasi").split()
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def _fill(pattern: str, rng: random.Random) -> str:
    return pattern.format(
        P=rng.choice(PEOPLE), C=rng.choice(PLACES), T=rng.choice(TEAMS), U=rng.choice(TEAMS), Q=rng.choice(PARTIES),
        O=rng.choice(COMPANIES), F=rng.choice(FILMS), N=rng.randrange(1, 10), M=rng.randrange(0, 4),
        K=rng.randrange(10, 99), W=rng.choice(["Desa", "Pajak Daerah", "Tata Ruang", "Pendidikan", "Kesehatan"]),
        D=f"{rng.choice(WEEKDAYS)} ({rng.randrange(1, 29)}/{rng.randrange(1, 13)})")


def article(rng: random.Random) -> tuple[str, str, list[str]]:
    """(topic, title, paragraphs) of an invented ordinary news article."""
    topic = rng.choices(list(TOPICS), weights=[share for share, _, _ in TOPICS.values()])[0]
    _, titles, sentences = TOPICS[topic]
    paragraphs = [" ".join(_fill(rng.choice(sentences), rng) for _ in range(rng.randrange(2, 5)))
                  for _ in range(rng.randrange(6, 17))]
    for name, (only, sentence) in _STRAY_SENTENCES.items():
        if (only is None or only == topic) and rng.random() < STRAY[name] / (1 if only is None else TOPICS[only][0]):
            paragraphs.insert(rng.randrange(len(paragraphs)), _fill(sentence, rng))
    return topic, _fill(rng.choice(titles), rng), paragraphs


def headline(rng: random.Random) -> str:
    topic = rng.choice(list(TOPICS))
    return _fill(rng.choice(TOPICS[topic][1]), rng)


def award_headline(rng: random.Random) -> str:
    return f"Pemkab {rng.choice(PLACES)} Raih Predikat Kepatuhan Tinggi dari Ombudsman"


def related(rng: random.Random, n: int, stray=None) -> str:
    heads = [headline(rng) for _ in range(n)]
    if stray is not None:
        heads[rng.randrange(n)] = stray(rng)
    items = "".join(f'<li><a href="/berita/{rng.randrange(10**7)}-{slug(rng, h)}">{h}</a>'
                    f'<span class="date">{rng.randrange(1, 28)} Maret 2023</span></li>' for h in heads)
    return f'<div class="related"><h3>Berita Lainnya</h3><ul>{items}</ul></div>'


def script(rng: random.Random, size: int) -> str:
    words = ["window.dataLayer", "push", "function", "return", "var", "adSlot", "googletag", "cmd", "display"]
    count = size // 12
    calls = zip(rng.choices(words, k=count), rng.choices(range(10**6), k=count))
    return "<script>" + " ".join(f"{name}({number});" for name, number in calls) + "</script>"


def slug(rng: random.Random, title: str | None = None) -> str:
    words = (title or " ".join(rng.choice(WORDS) for _ in range(4))).lower().split()
    return "-".join("".join(c for c in w if c.isalnum()) for w in words if any(c.isalnum() for c in w))


def filler(rng: random.Random, text: str) -> str:
    """Ordinary words in place of ``text``, as many as it had, its surrounding spaces kept."""
    count = max(1, len(text.split()))
    words = " ".join(rng.choice(WORDS) for _ in range(count))
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return lead + words[:1].upper() + words[1:] + trail
