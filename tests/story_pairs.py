"""Short news reports written for the clustering tests and the calibration script: one story told
by outlets in both languages with different wording, and hard negatives (the same ministers a
week apart, a second wave of strikes, one minister's two meetings on one day).

Each report is (id, story, publication day, text); reports of one story share its name."""

from __future__ import annotations

REPORTS: list[tuple[str, str, str, str]] = [
    (
        "oman-iran-en",
        "oman-iran-muscat",
        "2024-02-06",
        "Oman's foreign minister meets Iranian counterpart in Muscat\n\nMUSCAT, Feb 6 - Omani Foreign "
        "Minister Badr Albusaidi held talks with Iranian Foreign Minister Hossein Amir-Abdollahian in "
        "Muscat on Tuesday on shipping in the Gulf and the exchange of 300 prisoners, the Omani foreign "
        'ministry said.\n\n"We agreed to keep this channel open," Albusaidi told reporters.',
    ),
    (
        "oman-iran-ar",
        "oman-iran-muscat",
        "2024-02-06",
        "البوسعيدي وعبد اللهيان يبحثان أمن الملاحة\n\nمسقط - بحث وزير الخارجية العماني بدر البوسعيدي "
        "اليوم الثلاثاء مع نظيره الإيراني حسين أمير عبد اللهيان أمن الملاحة في الخليج وتبادل 300 سجين، "
        "بحسب بيان لوزارة الخارجية العمانية.\n\n"
        'وقال البوسعيدي للصحفيين: "اتفقنا على إبقاء هذه القناة مفتوحة".',
    ),
    (
        "oman-iran-later-en",
        "oman-iran-tehran",
        "2024-02-13",
        "Albusaidi in Tehran for talks on a Gaza ceasefire\n\nTEHRAN, Feb 13 - Omani Foreign Minister "
        "Badr Albusaidi arrived in Tehran on Tuesday and met Iranian Foreign Minister Hossein "
        "Amir-Abdollahian to discuss a ceasefire in Gaza, Iranian state media reported.",
    ),
    (
        "oman-iran-later-ar",
        "oman-iran-tehran",
        "2024-02-13",
        "البوسعيدي في طهران لبحث وقف إطلاق النار في غزة\n\nطهران - وصل وزير الخارجية العماني بدر "
        "البوسعيدي إلى طهران اليوم الثلاثاء، والتقى نظيره الإيراني حسين أمير عبد اللهيان لبحث جهود "
        "وقف إطلاق النار في غزة.",
    ),
    (
        "strikes-en",
        "strikes-first",
        "2024-03-08",
        "US and British jets strike rebel sites in Yemen\n\nWASHINGTON, March 8 - US and British "
        "warplanes struck 16 Houthi sites in Yemen on Friday, the Pentagon said, after attacks on ships "
        "in the Red Sea. Defense Secretary Lloyd Austin said radar and missile sites were hit.",
    ),
    (
        "strikes-ar",
        "strikes-first",
        "2024-03-08",
        "غارات أمريكية وبريطانية على مواقع الحوثيين في اليمن\n\nشنت طائرات أمريكية وبريطانية اليوم "
        "الجمعة غارات على 16 موقعا لجماعة الحوثي في اليمن، وفق وزارة الدفاع الأمريكية، ردا على "
        "هجمات على السفن في البحر الأحمر. وقال وزير الدفاع الأمريكي لويد أوستن إن الضربات أصابت "
        "مواقع رادار وصواريخ.",
    ),
    (
        "strikes-again-en",
        "strikes-second",
        "2024-03-18",
        "Second wave of strikes hits Houthi sites\n\nWASHINGTON, March 18 - US and British forces "
        "carried out a second wave of strikes on Houthi targets in Yemen on Monday, hitting 8 weapons "
        "stores, the Pentagon said. Lloyd Austin said the strikes would go on.",
    ),
    (
        "strikes-again-ar",
        "strikes-second",
        "2024-03-18",
        "موجة ثانية من الغارات على مواقع الحوثيين\n\nنفذت القوات الأمريكية والبريطانية اليوم الاثنين "
        "موجة ثانية من الضربات على أهداف لجماعة الحوثي في اليمن، أصابت 8 مخازن أسلحة، بحسب وزارة "
        "الدفاع الأمريكية.",
    ),
    (
        "shoukry-safadi-en",
        "shoukry-safadi",
        "2024-04-10",
        "Egypt and Jordan discuss water and trade\n\nCAIRO, April 10 - Egyptian Foreign Minister Sameh "
        "Shoukry received Jordanian Foreign Minister Ayman Safadi in Cairo on Wednesday for talks on "
        "water sharing and trade, and the two signed a memorandum on 5,000 work permits.",
    ),
    (
        "shoukry-safadi-ar",
        "shoukry-safadi",
        "2024-04-10",
        "شكري والصفدي يبحثان ملفي المياه والتجارة\n\nالقاهرة - استقبل وزير الخارجية المصري سامح شكري "
        "اليوم الأربعاء نظيره الأردني أيمن الصفدي، وبحث الجانبان تقاسم المياه والتبادل التجاري، ووقعا "
        "مذكرة تفاهم بشأن 5,000 تصريح عمل.",
    ),
    (
        "shoukry-sudan-en",
        "shoukry-sudan",
        "2024-04-10",
        "Shoukry meets Sudanese envoy on ceasefire\n\nCAIRO, April 10 - Egyptian Foreign Minister Sameh "
        "Shoukry met an envoy of Sudan's army chief Abdel Fattah al-Burhan in Cairo on Wednesday and "
        "called for a ceasefire in Khartoum.",
    ),
]

# The story each report belongs to, by report id.
STORY = {r[0]: r[1] for r in REPORTS}
