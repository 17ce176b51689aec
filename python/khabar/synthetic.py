"""A synthetic news corpus in Arabic and English, for benchmarks when no real corpus is at hand.

Stories (a meeting, an agreement, aid, a protest, a storm, a central-bank decision) are drawn from
pools of countries, cities, officials, topics and figures, and each story is reported by one to
four outlets: some reports are syndicated copies under other clutter, others retell it in other
words and another order, as real wires do. The text is written from templates here, not copied
from any source; it is news-like in length (one to four kilobytes), vocabulary and layout
(headline, dateline, paragraphs, quotations, dates, numbers), which is what throughput depends
on. It says nothing about accuracy.

``scripts/gen_corpus.py`` writes one to a folder; ``khabar bench`` builds one when
``../shared/eval/corpus`` is absent and no ``--corpus`` is given.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

__all__ = ["generate", "write_corpus"]

# (English, Arabic, English adjective, Arabic adjective, capital in English, capital in Arabic)
COUNTRIES = [
    ("Jordan", "الأردن", "Jordanian", "الأردني", "Amman", "عمّان"),
    ("Egypt", "مصر", "Egyptian", "المصري", "Cairo", "القاهرة"),
    ("Saudi Arabia", "السعودية", "Saudi", "السعودي", "Riyadh", "الرياض"),
    ("Iraq", "العراق", "Iraqi", "العراقي", "Baghdad", "بغداد"),
    ("Morocco", "المغرب", "Moroccan", "المغربي", "Rabat", "الرباط"),
    ("Tunisia", "تونس", "Tunisian", "التونسي", "Tunis", "تونس"),
    ("Lebanon", "لبنان", "Lebanese", "اللبناني", "Beirut", "بيروت"),
    ("Qatar", "قطر", "Qatari", "القطري", "Doha", "الدوحة"),
    ("Kuwait", "الكويت", "Kuwaiti", "الكويتي", "Kuwait City", "الكويت"),
    ("Oman", "سلطنة عمان", "Omani", "العماني", "Muscat", "مسقط"),
    ("Algeria", "الجزائر", "Algerian", "الجزائري", "Algiers", "الجزائر العاصمة"),
    ("Turkey", "تركيا", "Turkish", "التركي", "Ankara", "أنقرة"),
    ("France", "فرنسا", "French", "الفرنسي", "Paris", "باريس"),
    ("Japan", "اليابان", "Japanese", "الياباني", "Tokyo", "طوكيو"),
    ("China", "الصين", "Chinese", "الصيني", "Beijing", "بكين"),
    ("Germany", "ألمانيا", "German", "الألماني", "Berlin", "برلين"),
    ("Indonesia", "إندونيسيا", "Indonesian", "الإندونيسي", "Jakarta", "جاكرتا"),
    ("Sudan", "السودان", "Sudanese", "السوداني", "Khartoum", "الخرطوم"),
]
ROLES = [
    ("foreign minister", "وزير الخارجية"),
    ("energy minister", "وزير الطاقة"),
    ("prime minister", "رئيس الوزراء"),
    ("trade minister", "وزير التجارة"),
    ("defence minister", "وزير الدفاع"),
    ("health minister", "وزير الصحة"),
    ("finance minister", "وزير المالية"),
]
GIVEN = [
    ("Khalid", "خالد"),
    ("Omar", "عمر"),
    ("Samir", "سمير"),
    ("Layla", "ليلى"),
    ("Huda", "هدى"),
    ("Yousef", "يوسف"),
    ("Nadia", "نادية"),
    ("Tariq", "طارق"),
    ("Rania", "رانيا"),
    ("Faisal", "فيصل"),
    ("Karim", "كريم"),
    ("Salma", "سلمى"),
    ("Walid", "وليد"),
    ("Mona", "منى"),
    ("Hassan", "حسن"),
]
FAMILY = [
    ("Haddad", "حداد"),
    ("Mansour", "منصور"),
    ("Khoury", "خوري"),
    ("Nasser", "ناصر"),
    ("Saleh", "صالح"),
    ("Barakat", "بركات"),
    ("Darwish", "درويش"),
    ("Azzam", "عزام"),
    ("Qasim", "قاسم"),
    ("Rahal", "رحال"),
]
TOPICS = [
    ("energy", "الطاقة"),
    ("trade", "التجارة"),
    ("water", "المياه"),
    ("investment", "الاستثمار"),
    ("security cooperation", "التعاون الأمني"),
    ("food security", "الأمن الغذائي"),
    ("electricity links", "الربط الكهربائي"),
    ("tourism", "السياحة"),
    ("ports and shipping", "الموانئ والنقل البحري"),
]
WEEKDAYS = [
    ("Monday", "الاثنين"),
    ("Tuesday", "الثلاثاء"),
    ("Wednesday", "الأربعاء"),
    ("Thursday", "الخميس"),
    ("Friday", "الجمعة"),
    ("Saturday", "السبت"),
    ("Sunday", "الأحد"),
]
MONTHS = [
    ("January", "يناير"),
    ("February", "فبراير"),
    ("March", "مارس"),
    ("April", "أبريل"),
    ("May", "مايو"),
    ("June", "يونيو"),
    ("July", "يوليو"),
    ("August", "أغسطس"),
    ("September", "سبتمبر"),
    ("October", "أكتوبر"),
    ("November", "نوفمبر"),
    ("December", "ديسمبر"),
]
OUTLETS = {
    "en": ["Gulf Wire", "Levant Daily", "Maghreb Times", "Nile Post", "Desert Herald", "Harbour News"],
    "ar": ["وكالة الخليج", "صحيفة المشرق", "أخبار المغرب", "النيل اليوم", "الصحراء", "مرفأ الأخبار"],
}
CLUTTER = {
    "en": [
        "Read more: regional news",
        "Share this article",
        "Subscribe to our newsletter",
        "Advertisement",
        "Follow us for live updates",
        "Related: markets today",
    ],
    "ar": [
        "اقرأ أيضا: أخبار المنطقة",
        "شارك هذا المقال",
        "اشترك في النشرة الإخبارية",
        "إعلان",
        "تابعونا لآخر المستجدات",
        "ذات صلة: الأسواق اليوم",
    ],
}

# Sentences per story kind. Fields: {a} {b} (countries), {a_adj} {b_adj}, {city}, {role},
# {person}, {topic}, {day} (weekday), {n} {m} (figures), {month}, {year}, {outlet}.
LEADS = {
    "meeting": (
        "{a_adj} {role} {person} met his {b_adj} counterpart in {city} on {day} to discuss {topic}.",
        "التقى {role} {a_adj} {person} نظيره {b_adj} في {city} يوم {day} لبحث ملف {topic}.",
    ),
    "agreement": (
        "{a} and {b} signed an agreement on {topic} in {city} on {day}, officials said.",
        "وقعت {a} و{b} اتفاقية في مجال {topic} في {city} يوم {day}، بحسب مسؤولين.",
    ),
    "aid": (
        "{a} pledged ${n} million in aid to {b} on {day}, the {a_adj} {role} said in {city}.",
        "تعهدت {a} يوم {day} بتقديم مساعدات بقيمة {n} مليون دولار إلى {b}، "
        "وفق ما أعلن {role} {a_adj} في {city}.",
    ),
    "protest": (
        "Thousands of people protested in {city} on {day} against rising food prices, witnesses said.",
        "تظاهر الآلاف في {city} يوم {day} احتجاجا على ارتفاع أسعار الغذاء، بحسب شهود عيان.",
    ),
    "storm": (
        "A storm closed {n} roads and cut power to parts of {city} on {day}, civil defence officials said.",
        "أغلقت عاصفة {n} طرق وقطعت الكهرباء عن أجزاء من {city} يوم {day}، بحسب مسؤولين في الدفاع المدني.",
    ),
    "rates": (
        "The central bank of {a} kept its main interest rate at {m} percent on {day}, "
        "citing slowing inflation.",
        "أبقى البنك المركزي في {a} يوم {day} على سعر الفائدة الرئيسي عند {m} في المئة، "
        "مشيرا إلى تباطؤ التضخم.",
    ),
}
HEADLINES = {
    "meeting": (
        "{a_adj} and {b_adj} ministers discuss {topic} in {city}",
        "مباحثات {a_adj} {b_adj} حول {topic} في {city}",
    ),
    "agreement": ("{a} and {b} sign {topic} agreement", "{a} و{b} توقعان اتفاقية في مجال {topic}"),
    "aid": ("{a} pledges ${n} million to {b}", "{a} تتعهد بـ{n} مليون دولار لـ{b}"),
    "protest": ("Protesters rally in {city} over food prices", "احتجاجات في {city} على غلاء الأسعار"),
    "storm": ("Storm cuts power in {city}", "عاصفة تقطع الكهرباء في {city}"),
    "rates": ("{a} central bank holds rates at {m}%", "المركزي في {a} يثبت الفائدة عند {m}%"),
}
QUOTES = [
    (
        "This agreement opens a new chapter between our two countries",
        "هذه الاتفاقية تفتح صفحة جديدة بين بلدينا",
    ),
    (
        "We will not accept any delay in carrying out what we agreed",
        "لن نقبل أي تأخير في تنفيذ ما اتفقنا عليه",
    ),
    ("The coming months will show results on the ground", "الأشهر المقبلة ستظهر نتائج على الأرض"),
    ("Our priority is the safety of citizens", "أولويتنا هي سلامة المواطنين"),
    ("The economy is recovering faster than we expected", "الاقتصاد يتعافى أسرع مما توقعنا"),
]
QUOTE_FRAMES = (
    ('"{q}," {person} told reporters.', 'وقال {person} للصحفيين إن "{q}".'),
    ('"{q}," the {role} said in a statement.', 'وقال {role} في بيان: "{q}".'),
    ('{person} said: "{q}."', 'وأضاف {person}: "{q}".'),
)
BACKGROUND = [
    (
        "Trade between the two countries reached ${n} billion last year, according to official figures.",
        "وبلغ حجم التبادل التجاري بين البلدين {n} مليار دولار العام الماضي، بحسب أرقام رسمية.",
    ),
    (
        "The talks are expected to continue next month in {city}.",
        "ومن المتوقع أن تستأنف المحادثات الشهر المقبل في {city}.",
    ),
    (
        "A joint committee will meet in {month} {year} to follow up on the projects.",
        "وستجتمع لجنة مشتركة في {month} {year} لمتابعة المشاريع.",
    ),
    (
        "{b} has faced power cuts and rising prices since the summer of {year}.",
        "وتعاني {b} من انقطاع الكهرباء وارتفاع الأسعار منذ صيف عام {year}.",
    ),
    (
        "The {a_adj} government said {m} percent of the funds would go to schools and hospitals.",
        "وقالت الحكومة إن {m} في المئة من الأموال ستخصص للمدارس والمستشفيات.",
    ),
    (
        "Officials from both sides declined to give further details.",
        "ورفض مسؤولون من الجانبين الإدلاء بمزيد من التفاصيل.",
    ),
    (
        "The visit was the first by a {a_adj} {role} to {b} in {m} years.",
        "وتعد الزيارة الأولى لـ{role} {a_adj} إلى {b} منذ {m} سنوات.",
    ),
    (
        "Analysts said the move could lower costs for importers by up to {m} percent.",
        "ويرى محللون أن الخطوة قد تخفض التكاليف على المستوردين بنسبة تصل إلى {m} في المئة.",
    ),
    (
        "The ministry said on its website that the work would be finished by the end of {year}.",
        "وذكرت الوزارة على موقعها الإلكتروني أن الأعمال ستنتهي بحلول نهاية عام {year}.",
    ),
    (
        "Last {day}, the two sides held a preparatory meeting at the level of experts.",
        "وكان الجانبان قد عقدا يوم {day} الماضي اجتماعا تحضيريا على مستوى الخبراء.",
    ),
    (
        "Markets in {city} were calm, and the local currency held steady against the dollar.",
        "وسادت الأسواق في {city} حالة من الهدوء، واستقرت العملة المحلية أمام الدولار.",
    ),
    (
        "The United Nations welcomed the step and called on all parties to build on it.",
        "ورحبت الأمم المتحدة بالخطوة ودعت جميع الأطراف إلى البناء عليها.",
    ),
    (
        "Earlier this year, {b} and {a} agreed to raise flights between their capitals to {k} a week.",
        "وكانت {b} و{a} قد اتفقتا في وقت سابق من العام على رفع عدد الرحلات بين العاصمتين إلى {k} أسبوعيا.",
    ),
    (
        "The {b_adj} side asked for more time to study the proposals, a diplomat in {city} said.",
        "وطلب الجانب {b_adj} مزيدا من الوقت لدراسة المقترحات، بحسب دبلوماسي في {city}.",
    ),
    (
        "Some {k},000 workers are employed in the sector, which the government wants to expand.",
        "ويعمل في القطاع نحو {k} ألف عامل، وتسعى الحكومة إلى توسيعه.",
    ),
    (
        "The opposition criticised the plan, saying it would add to a public debt of ${p} billion.",
        "وانتقدت المعارضة الخطة، وقالت إنها ستزيد الدين العام البالغ {p} مليار دولار.",
    ),
    (
        "On {day}, the {role} is due to travel to {b} for a two-day visit.",
        "ومن المقرر أن يتوجه {role} يوم {day} إلى {b} في زيارة تستمر يومين.",
    ),
    (
        "Prices of bread and fuel rose by {k} percent in {month}, the statistics office said.",
        "وارتفعت أسعار الخبز والوقود بنسبة {k} في المئة في {month}، بحسب مكتب الإحصاء.",
    ),
    (
        "The International Monetary Fund expects growth of {k} percent this year.",
        "ويتوقع صندوق النقد الدولي نموا بنسبة {k} في المئة هذا العام.",
    ),
    (
        "Rescue teams evacuated {p} families from low-lying areas overnight.",
        "وأجلت فرق الإنقاذ {p} أسرة من المناطق المنخفضة خلال الليل.",
    ),
    (
        "The project, first announced in {year}, had been delayed by disputes over financing.",
        "وكان المشروع الذي أعلن عنه لأول مرة عام {year} قد تأخر بسبب خلافات حول التمويل.",
    ),
    (
        "Shares of local banks rose {k} percent after the announcement.",
        "وارتفعت أسهم البنوك المحلية بنسبة {k} في المئة عقب الإعلان.",
    ),
]


@dataclass
class Story:
    """One event, told by several outlets."""

    kind: str
    day: date
    fields: dict[str, tuple[str, str]]  # name -> (English, Arabic)
    background: list[int]
    quote: int


def _story(rng: random.Random, day: date) -> Story:
    a, b = rng.sample(COUNTRIES, 2)
    role = rng.choice(ROLES)
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    wd = WEEKDAYS[day.weekday()]
    month = rng.choice(MONTHS)
    n, m, year = rng.randint(2, 900), rng.randint(2, 40), rng.randint(day.year - 3, day.year + 2)
    k, p = rng.randint(3, 60), rng.randint(10, 500)
    fields = {
        "a": (a[0], a[1]),
        "b": (b[0], b[1]),
        "a_adj": (a[2], a[3]),
        "b_adj": (b[2], b[3]),
        "city": (a[4], a[5]),
        "role": role,
        "person": (f"{given[0]} {family[0]}", f"{given[1]} {family[1]}"),
        "topic": rng.choice(TOPICS),
        "day": wd,
        "month": month,
        "n": (str(n), str(n)),
        "k": (str(k), str(k)),
        "p": (str(p), str(p)),
        "m": (str(m), str(m)),
        "year": (str(year), str(year)),
    }
    background = rng.sample(range(len(BACKGROUND)), rng.randint(6, 16))
    return Story(rng.choice(list(LEADS)), day, fields, background, rng.randrange(len(QUOTES)))


def _fill(template: str, story: Story, lang: int) -> str:
    return template.format(**{k: v[lang] for k, v in story.fields.items()})


def _report(rng: random.Random, story: Story, lang: str, outlet: str, rewrite: bool) -> tuple[str, str]:
    """A headline and text for one outlet: a dateline, the lead, a quotation, background."""
    li = 0 if lang == "en" else 1
    title = _fill(HEADLINES[story.kind][li], story, li)
    city = story.fields["city"][li]
    month = MONTHS[story.day.month - 1][li]
    if lang == "en":
        dateline = f"{city.upper()}, {month} {story.day.day} ({outlet}) - "
    else:
        dateline = f"{city} ({outlet}) - "
    frame = QUOTE_FRAMES[rng.randrange(len(QUOTE_FRAMES))] if rewrite else QUOTE_FRAMES[0]
    story.fields["q"] = QUOTES[story.quote]
    quote = _fill(frame[li], story, li)
    background = [_fill(BACKGROUND[i][li], story, li) for i in story.background]
    if rewrite:
        rng.shuffle(background)
        background = background[: max(2, len(background) - rng.randint(0, 3))]
    paragraphs = [dateline + _fill(LEADS[story.kind][li], story, li), quote, *background]
    # paragraphs of one to three sentences, as outlets lay them out
    body: list[str] = []
    i = 0
    while i < len(paragraphs):
        k = rng.randint(1, 3)
        body.append(" ".join(paragraphs[i : i + k]))
        i += k
    clutter = rng.sample(CLUTTER[lang], rng.randint(0, 2))
    return title, "\n\n".join([title, *body, *clutter])


def generate(
    lang: str, target_bytes: int, seed: int = 7, start: date = date(2024, 3, 1)
) -> Iterator[dict[str, str]]:
    """Records ``{id, lang, source, date, title, text}`` of one language, about ``target_bytes`` of
    text in all, the same for the same seed."""
    rng = random.Random(f"{seed}-{lang}")
    size, n = 0, 0
    while size < target_bytes:
        story = _story(rng, start + timedelta(days=rng.randrange(60)))
        outlets = rng.sample(OUTLETS[lang], rng.choice([1, 1, 2, 2, 3, 4]))
        for k, outlet in enumerate(outlets):
            title, text = _report(rng, story, lang, outlet, rewrite=k > 0 and rng.random() < 0.7)
            n += 1
            size += len(text.encode("utf-8"))
            yield {
                "id": f"{lang}-{n:07d}",
                "lang": lang,
                "source": outlet,
                "date": (story.day + timedelta(days=rng.randint(0, 1))).isoformat(),
                "title": title,
                "text": text,
            }
            if size >= target_bytes:
                return


def _gazetteer() -> list[tuple[str, str, str, str]]:
    """About 10,000 keyword surfaces (lang, type, source, surface) for the keyword-scan peers:
    the names of the pools above and made-up person and organisation names built from them."""
    rows: list[tuple[str, str, str, str]] = []
    for c in COUNTRIES:
        rows += [("en", "country", "synthetic", c[0]), ("ar", "country", "synthetic", c[1])]
        rows += [("en", "city", "synthetic", c[4]), ("ar", "city", "synthetic", c[5])]
    for g in GIVEN:
        for f in FAMILY:
            rows += [
                ("en", "person", "synthetic", f"{g[0]} {f[0]}"),
                ("ar", "person", "synthetic", f"{g[1]} {f[1]}"),
            ]
    rng = random.Random(11)
    letters = "abcdefghijklmnopqrstuvwxyz"
    arabic = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    while len(rows) < 10_000:
        word = "".join(rng.choice(letters) for _ in range(rng.randint(4, 9))).capitalize()
        rows.append(
            ("en", "org", "synthetic", f"{word} {rng.choice(['Group', 'Holding', 'Bank', 'Authority'])}")
        )
        word = "".join(rng.choice(arabic) for _ in range(rng.randint(3, 6)))
        rows.append(("ar", "org", "synthetic", f"{rng.choice(['مجموعة', 'شركة', 'بنك', 'هيئة'])} {word}"))
    return rows[:10_000]


def write_corpus(folder: Path, mb_per_lang: float = 5.0, seed: int = 7) -> Path:
    """Write ``synthetic_en.jsonl``, ``synthetic_ar.jsonl`` and ``bench_gazetteer.tsv`` to
    ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for lang in ("ar", "en"):
        path = folder / f"synthetic_{lang}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for rec in generate(lang, int(mb_per_lang * 1_000_000), seed):
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with (folder / "bench_gazetteer.tsv").open("w", encoding="utf-8") as f:
        f.write("lang\ttype\tsource\tsurface\n")
        f.writelines("\t".join(r) + "\n" for r in _gazetteer())
    (folder / "README.md").write_text(
        "A synthetic news corpus written by khabar's generator (khabar.synthetic, "
        f"scripts/gen_corpus.py), seed {seed}, about {mb_per_lang} MB of text per language. "
        "Made from templates for throughput benchmarks; not real news, not for accuracy.\n",
        encoding="utf-8",
    )
    return folder
