"""The catalogue: people, genres, and films with their credits and where to watch them."""

from datetime import date

PEOPLE = [
    {
        "slug": "han-ji-won",
        "name": "Han Ji-won",
        "original_name": "한지원",
        "original_name_language": "ko",
        "bio": "Korean animation director who made Lost in Starlight, Netflix's first original Korean animated feature, and co-wrote its screenplay. Her earlier films include The Summer (2023) and her first feature, Clearer Than You Think (2015).",
    },
    {
        "slug": "kang-hyun-joo",
        "name": "Kang Hyun-joo",
        "original_name": "강현주",
        "original_name_language": "ko",
        "bio": "Co-wrote the screenplay of Lost in Starlight with director Han Ji-won.",
    },
    {
        "slug": "climax-studio",
        "name": "Climax Studio",
        "original_name": "클라이맥스 스튜디오",
        "original_name_language": "ko",
        "bio": "The studio behind Lost in Starlight, the 2D animated feature directed by Han Ji-won for Netflix.",
    },
    {
        "slug": "kim-tae-ri",
        "name": "Kim Tae-ri",
        "original_name": "김태리",
        "original_name_language": "ko",
        "bio": "Voices Nan-young, the astronaut at the centre of Lost in Starlight.",
    },
    {
        "slug": "hong-kyung",
        "name": "Hong Kyung",
        "original_name": "홍경",
        "original_name_language": "ko",
        "bio": "Voices Jay, the musician who repairs vintage audio equipment, in Lost in Starlight.",
    },
    {
        "slug": "makoto-shinkai",
        "name": "Makoto Shinkai",
        "original_name": "新海誠",
        "original_name_language": "ja",
        "bio": "Director of 5 Centimeters per Second, Your Name., Weathering with You and Suzume. Lost in Starlight is often compared with his films.",
    },
    {
        "slug": "choi-eun-young",
        "name": "Choi Eun-young",
        "original_name": "최은영",
        "original_name_language": "ko",
        "bio": "Author of the short story on which Han Ji-won's animated film The Summer (2023) is based.",
    },
    {
        "slug": "yoon-ah-young",
        "name": "Yoon Ah-young",
        "original_name": "",
        "original_name_language": "",
        "bio": "Voices Lee-kyeong in Han Ji-won's The Summer (2023).",
    },
    {
        "slug": "song-ha-rim",
        "name": "Song Ha-rim",
        "original_name": "",
        "original_name_language": "",
        "bio": "Voices Soo-i in Han Ji-won's The Summer (2023).",
    },
]

GENRES = [
    {"slug": "animation", "name": "Animation"},
    {"slug": "science-fiction", "name": "Science Fiction"},
    {"slug": "romance", "name": "Romance"},
    {"slug": "drama", "name": "Drama"},
    {"slug": "fantasy", "name": "Fantasy"},
]

FILMS = [
    {
        "slug": "lost-in-starlight",
        "title": "Lost in Starlight",
        "original_title": "이 별에 필요한",
        "original_language": "ko",
        "release_date": date(2025, 5, 30),
        "release_date_precision": "day",
        "running_time": 96,
        "tagline": "One of them is leaving the planet. Can their love make the trip?",
        "synopsis": (
            "Seoul, 2050. Nan-young has spent her life in the shadow of an unfinished "
            "story: her mother, a scientist, set out on an earlier mission to Mars and never "
            "came home. Now Nan-young is training for the next expedition herself, until she "
            "is stood down and left grounded in a city of reimagined landmarks, from Sewoon "
            "Arcade to Nodeul Island and Seoul Station.\n\n"
            "Carrying her mother's old turntable, she walks into the repair shop of Jay, a "
            "musician who spends his days bringing vintage audio equipment back to life. "
            "What starts as a repair job becomes something warmer. Then Nan-young is picked "
            "for the Mars mission after all, and the two have to find out whether a love "
            "can survive being stretched between Earth and Mars. Han Ji-won's 2D animated "
            "feature is Netflix's first original Korean animated film."
        ),
        "genres": ["animation", "science-fiction", "romance"],
        "countries": ["South Korea"],
        "languages": ["Korean"],
        "watch": [
            {
                "provider": "Netflix",
                "url": "https://www.netflix.com/search?q=Lost%20in%20Starlight",
                "region": "Worldwide",
                "available_from": date(2025, 5, 30),
            }
        ],
        "credits": [
            {"person": "han-ji-won", "role": "director", "character": "", "order": 1},
            {"person": "han-ji-won", "role": "writer", "character": "", "order": 2},
            {"person": "kang-hyun-joo", "role": "writer", "character": "", "order": 3},
            {"person": "kim-tae-ri", "role": "voice", "character": "Nan-young", "order": 4},
            {"person": "hong-kyung", "role": "voice", "character": "Jay", "order": 5},
            {"person": "climax-studio", "role": "studio", "character": "", "order": 6},
        ],
    },
    {
        "slug": "the-summer",
        "title": "The Summer",
        "original_title": "그 여름",
        "original_language": "ko",
        "release_date": date(2023, 1, 1),
        "release_date_precision": "year",
        "running_time": 61,
        "tagline": "One season, two young women, and everything that lingers after.",
        "synopsis": (
            "Before she took on a story spanning two planets, Han Ji-won made this compact, "
            "inward-looking feature, released in Korea in 2023. Adapted from a short story "
            "by Choi Eun-young, it centres on two young women, Lee-kyeong and Soo-i, and on "
            "the bond that grows between them.\n\n"
            "Running just over an hour, The Summer works at the scale of a short story "
            "rather than an epic: a small cast, a close focus and a patient interest in how "
            "feelings form and change. Yoon Ah-young voices Lee-kyeong and Song Ha-rim voices "
            "Soo-i. For anyone who arrives at Han's work through Lost in Starlight, it is the "
            "natural next stop, a quieter film from the same director that shows where her "
            "attention to intimacy comes from."
        ),
        "genres": ["animation", "romance", "drama"],
        "countries": ["South Korea"],
        "languages": ["Korean"],
        "watch": [],
        "credits": [
            {"person": "han-ji-won", "role": "director", "character": "", "order": 1},
            {"person": "choi-eun-young", "role": "original_story", "character": "", "order": 2},
            {"person": "yoon-ah-young", "role": "voice", "character": "Lee-kyeong", "order": 3},
            {"person": "song-ha-rim", "role": "voice", "character": "Soo-i", "order": 4},
        ],
    },
    {
        "slug": "clearer-than-you-think",
        "title": "Clearer Than You Think",
        "original_title": "",
        "original_language": "ko",
        "release_date": date(2015, 1, 1),
        "release_date_precision": "year",
        "running_time": None,
        "tagline": "Where Han Ji-won's feature career began.",
        "synopsis": (
            "Clearer Than You Think is the first feature by Han Ji-won, released in Korea in "
            "2015. It sits at the very start of a body of work that would later include The "
            "Summer in 2023 and, two years after that, Lost in Starlight, Netflix's first "
            "original Korean animated feature.\n\n"
            "We list it here mainly so that the catalogue traces the whole arc of its "
            "director's features, from this debut to the film this site is about. Details "
            "such as its running time and original title are still being checked, so this "
            "entry stays deliberately brief for now. If you have come here after watching "
            "Lost in Starlight, it is worth knowing that its director had been making "
            "features for a full decade before Nan-young and Jay ever met."
        ),
        "genres": ["animation"],
        "countries": ["South Korea"],
        "languages": ["Korean"],
        "watch": [],
        "credits": [
            {"person": "han-ji-won", "role": "director", "character": "", "order": 1},
        ],
    },
    {
        "slug": "your-name",
        "title": "Your Name.",
        "original_title": "君の名は。",
        "original_language": "ja",
        "release_date": date(2016, 8, 26),
        "release_date_precision": "day",
        "running_time": 106,
        "tagline": "Two strangers, one impossible connection, and a sky worth remembering.",
        "synopsis": (
            "Released in Japan in August 2016, Your Name. is a Makoto Shinkai romantic "
            "fantasy about two young people bound together by something they cannot "
            "explain, told with the luminous skies and meticulous everyday detail that have "
            "become his signature.\n\n"
            "At 106 minutes it balances comedy, longing and a growing sense of urgency, and "
            "it remains a natural reference point for newer animated romances. Lost in "
            "Starlight has drawn frequent comparisons with Shinkai's work, which makes this "
            "an obvious companion piece for anyone curious about where that conversation "
            "starts, and a fine way to see how much feeling animation can pack into the "
            "ordinary details of daily life."
        ),
        "genres": ["animation", "fantasy", "romance", "drama"],
        "countries": ["Japan"],
        "languages": ["Japanese"],
        "watch": [],
        "credits": [
            {"person": "makoto-shinkai", "role": "director", "character": "", "order": 1},
        ],
    },
    {
        "slug": "weathering-with-you",
        "title": "Weathering with You",
        "original_title": "天気の子",
        "original_language": "ja",
        "release_date": date(2019, 7, 19),
        "release_date_precision": "day",
        "running_time": 112,
        "tagline": "Young love under a sky that will not behave.",
        "synopsis": (
            "Makoto Shinkai's follow-up to Your Name. opened in Japan in July 2019. As its "
            "title suggests, weather sits at the heart of it, and the film turns rain, cloud "
            "and sunlight into both spectacle and emotional barometer for a story of young "
            "love with a fantastical edge.\n\n"
            "Running 112 minutes, it continues the director's fascination with youthful "
            "feeling set against forces far bigger than the people experiencing it. Viewers "
            "who came to Shinkai through Your Name. will recognise the painterly cityscapes "
            "and the careful play of light; those arriving from Lost in Starlight may find "
            "it a useful point of comparison for how animation can make the sky itself feel "
            "like a character."
        ),
        "genres": ["animation", "fantasy", "romance"],
        "countries": ["Japan"],
        "languages": ["Japanese"],
        "watch": [],
        "credits": [
            {"person": "makoto-shinkai", "role": "director", "character": "", "order": 1},
        ],
    },
    {
        "slug": "suzume",
        "title": "Suzume",
        "original_title": "すずめの戸締まり",
        "original_language": "ja",
        "release_date": date(2022, 11, 11),
        "release_date_precision": "day",
        "running_time": 122,
        "tagline": "A journey that asks what it means to close a door behind you.",
        "synopsis": (
            "Suzume reached Japanese cinemas in November 2022 and, at 122 minutes, is the "
            "longest of the Makoto Shinkai films in this catalogue. It is a fantasy "
            "adventure with a travelling structure, carried by a young heroine and by the "
            "director's familiar eye for ordinary places made extraordinary.\n\n"
            "Where some of Shinkai's earlier work is built around romance, Suzume leans more "
            "heavily on questions of memory, loss and moving on, while keeping the rich "
            "colour and meticulous backgrounds his audience expects. For readers of this "
            "site, it offers an interesting contrast with Lost in Starlight, another "
            "animated film that ties a personal journey to loss and to the places that "
            "hold the past."
        ),
        "genres": ["animation", "fantasy", "drama"],
        "countries": ["Japan"],
        "languages": ["Japanese"],
        "watch": [],
        "credits": [
            {"person": "makoto-shinkai", "role": "director", "character": "", "order": 1},
        ],
    },
    {
        "slug": "5-centimeters-per-second",
        "title": "5 Centimeters per Second",
        "original_title": "秒速5センチメートル",
        "original_language": "ja",
        "release_date": date(2007, 3, 3),
        "release_date_precision": "day",
        "running_time": 63,
        "tagline": "A short film about the long distance between two hearts.",
        "synopsis": (
            "Released in Japan in March 2007, 5 Centimeters per Second is the earliest "
            "Makoto Shinkai film in this catalogue and one of the shortest, running just 63 "
            "minutes. It is a melancholy romance about closeness, separation and the slow "
            "work time does on feelings that once seemed permanent.\n\n"
            "Many of the qualities later associated with the director are already here: "
            "glowing skies, carefully observed everyday spaces and a preoccupation with the "
            "distance between people who care for each other. That last theme makes it a "
            "natural companion to Lost in Starlight, whose lovers are eventually separated "
            "by the gap between Earth and Mars, and a good place to start for anyone "
            "tracing the comparisons critics have drawn between the two directors."
        ),
        "genres": ["animation", "romance", "drama"],
        "countries": ["Japan"],
        "languages": ["Japanese"],
        "watch": [],
        "credits": [
            {"person": "makoto-shinkai", "role": "director", "character": "", "order": 1},
        ],
    },
]
