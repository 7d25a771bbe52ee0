"""Demo content for the film-review site (pure data, no Django imports).

All facts come from /work/shared/FILM.md; all prose is written for this project.
The three authors are fictional demo personas.
"""

from datetime import date

AUTHORS = [
    {
        "username": "editor",
        "email": "editor@example.com",
        "display_name": "Sora Lim",
        "bio": "Edits the site and writes the long reads. Has a soft spot for hand-drawn backgrounds and a hard line on endings that overstay their welcome.",
    },
    {
        "username": "mina",
        "email": "mina@example.com",
        "display_name": "Mina Cho",
        "bio": "Writes about sound, music and the way films use silence. Will happily argue that a good mix matters as much as a good frame.",
    },
    {
        "username": "theo",
        "email": "theo@example.com",
        "display_name": "Theo Marsh",
        "bio": "Covers animation old and new, with a weakness for stories about distance. Rewatches everything at least twice before filing.",
    },
]

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

REVIEWS = [
    {
        "slug": "lost-in-starlight-a-farewell-written-in-the-stars",
        "film": "lost-in-starlight",
        "headline": "A farewell written in the stars",
        "standfirst": "Han Ji-won's Netflix feature turns a two-syllable pun into a whole film about leaving, and Seoul in 2050 has never looked so tender.",
        "author": "editor",
        "rating": 9,
        "contains_spoilers": False,
        "status": "published",
        "published_on": date(2025, 6, 2),
        "scheduled_in_days": None,
        "body": """## A title that says goodbye

Before a single frame has moved, *Lost in Starlight* has already told you what it is about, provided you read Korean. The original title, 이 별에 필요한, hinges on a piece of wordplay the director has talked about openly: written with a space, 이 별 means "this star", our Earth; run the two syllables together and you get 이별, "farewell". It is a neat trick, but it is also a thesis. This is a film about a planet and about parting, and it keeps both meanings in the air for ninety-six minutes without ever letting one cancel the other.

Han Ji-won, who wrote the screenplay with Kang Hyun-joo, builds her story on a wound that predates the opening scene. Nan-young's mother, a scientist, left on an earlier mission to Mars and never came back. Nan-young has followed her into the astronaut programme anyway, and the film catches her at the worst possible moment: trained, ready, and then stood down. What she carries out of that disappointment is her mother's old turntable, and what she finds when she takes it to be fixed is Jay, a musician who repairs vintage audio equipment and who seems to understand broken things better than most people do.

## Seoul, twenty-five years from now

The setting is Seoul in 2050, and the film's most quietly radical decision is to imagine that future as *recognisably ours*. Sewoon Arcade, Nodeul Island and Seoul Station all appear, reimagined rather than replaced. The city has moved on, but it has not been bulldozed into anonymous chrome. There is something moving about a science-fiction film that assumes the places we love will still be standing, a little weathered, a little rewired, when our children are grown.

Climax Studio renders all of this in 2D, and the choice pays off in every shot. Drawn light has a softness that no rendering engine quite imitates, and the film uses it generously: evenings that seem to hum, interiors that glow like the inside of an old valve amplifier. The inevitable comparisons with Makoto Shinkai are fair as far as they go, since both directors treat the sky as a co-star, but Han's palette is warmer and her camera more patient. She is less interested in the sublime than in the lived-in.

## Two voices in a small room

Kim Tae-ri gives Nan-young a guarded, precise delivery that makes the rare moments when she lets her guard down land hard. Hong Kyung plays Jay with an easy, slightly teasing warmth, and the two find a rhythm in their scenes together that feels less like romance-by-numbers than like two people slowly tuning to the same frequency. The soundtrack, widely and rightly praised, does a lot of heavy lifting, yet it never feels like it is telling you what to feel.

If you know Han's earlier, more intimate [The Summer](/films/the-summer/), you will recognise her instinct for small gestures and long silences. Here she scales that instinct up to interplanetary size without losing its delicacy.

## Verdict

Netflix's first original Korean animated feature is not a calling card so much as a statement of intent. It is beautiful, it is sincere, and it understands that the hardest distances to cross are rarely measured in kilometres. *Essential viewing.*
""",
    },
    {
        "slug": "lost-in-starlight-beautiful-sound-careful-heart",
        "film": "lost-in-starlight",
        "headline": "Beautiful sound, careful heart",
        "standfirst": "The music and the images are extraordinary. The romance at the centre of Lost in Starlight is lovely too, if a touch too polite to truly hurt.",
        "author": "mina",
        "rating": 7,
        "contains_spoilers": False,
        "status": "published",
        "published_on": date(2025, 6, 9),
        "scheduled_in_days": None,
        "body": """## A film you hear before you see

I watched *Lost in Starlight* twice in its first week on Netflix: once on a laptop, once on a proper system with the lights off. Do the second. Han Ji-won's film is built around sound in a way few animated features dare to be. Its hero, Jay, is a musician who fixes vintage audio gear; its heroine, Nan-young, arrives at his door with her mother's old turntable. The whole plot, in other words, is set in motion by a machine for playing music, and the sound design treats that premise as a promise.

The soundtrack has been widely praised, and it deserves it. The score knows when to swell and, more impressively, when to drop out and leave a room to its hiss and hum. Some of the film's best minutes are its quietest, when the music steps back and the images are left to breathe.

## What works, and what doesn't quite

For all my admiration, I came away from the second viewing with a clearer sense of where the film holds back. A quick ledger:

- **The visuals.** The 2D animation from Climax Studio is ravishing. Seoul in 2050, with its reimagined Sewoon Arcade, Nodeul Island and Seoul Station, feels both futuristic and familiar, like a city remembered in a dream.
- **The voices.** Kim Tae-ri and Hong Kyung are well matched. She is all restraint, he is all ease, and their conversations have a pleasant, unforced crackle.
- **The premise.** A would-be astronaut whose mother never returned from Mars, grounded just as her own chance arrives: that is a rich, painful setup, and the film handles it with real care.
- **The romance itself.** Here is my hesitation. The relationship between Nan-young and Jay is sweet, but the screenplay smooths away nearly every rough edge. Nobody is ever quite unkind, nobody is ever quite wrong, and the result is a love story that is easy to admire and slightly harder to feel.
- **The pacing.** At 96 minutes the film is not long, yet the middle section drifts, lingering on mood where a sharper scene or two might have raised the stakes.

## The Shinkai question

Reviews keep reaching for Makoto Shinkai, and the comparison is unavoidable: lovers kept apart, gorgeous skies, music doing emotional work. But where Shinkai often lets melodrama off the leash, Han keeps hers on a short lead. That discipline is admirable, and it is also, I suspect, why the film moved me less than it impressed me. Sometimes a love story needs to make a bit of a fool of itself.

## The bottom line

*Lost in Starlight* is a handsome, intelligent and deeply musical film, and an encouraging first step for Netflix's Korean animation. It is worth watching for the sound alone. I just wish its heart had been allowed to be as loud as its speakers.
""",
    },
    {
        "slug": "lost-in-starlight-spoilers-love-at-interplanetary-range",
        "film": "lost-in-starlight",
        "headline": "Spoilers: love at interplanetary range",
        "standfirst": "A closer look at how Lost in Starlight ends up where it does, and why its long-distance love story between Earth and Mars works better than it has any right to.",
        "author": "theo",
        "rating": 8,
        "contains_spoilers": True,
        "status": "published",
        "published_on": date(2025, 6, 18),
        "scheduled_in_days": None,
        "body": """*This piece discusses the second half of the film. If you have not watched it yet, come back afterwards.*

## The turn

For its first stretch, *Lost in Starlight* looks like a film about consolation. Nan-young, stood down from the Mars programme that swallowed her mother, finds an unlikely refuge in Jay's repair shop, and the two fall for each other over a turntable and the music it still has in it. You could stop there and have a perfectly nice Seoul romance.

Then the film does the thing its premise has been quietly promising all along: Nan-young is chosen for the Mars mission after all. The dream she has been grieving is suddenly back on the table, and it arrives at the precise moment she has found a reason to stay. Han Ji-won and co-writer Kang Hyun-joo do not treat this as a twist so much as an inevitability. Of *course* she goes. The question the film asks is not whether, but what happens to the two of them once she does.

## Love over an impossible distance

What follows is, in effect, a long-distance relationship stretched to its absolute limit, with one partner on Earth and the other on Mars. Every cliché of the form is waiting to be used, and the film sidesteps most of them by taking the distance seriously. It is not an obstacle to be overcome by a grand gesture; it is the medium the relationship now lives in. I wrote in my notes:

> Everything these two say to each other now has to survive the journey. The film understands that a love letter sent across space is also, always, a small farewell.

That is where the title's double meaning finally clicks into place. 이 별, "this star", is the planet Jay stays on. 이별, "farewell", is what everything that passes between them becomes. The pun stops being clever and starts being sad.

## The ghost in the story

The ending also rhymes, painfully, with the beginning. Nan-young's mother went to Mars and did not return, and now her daughter is following the same path while someone on Earth waits for her. The film never underlines this, which is exactly why it lands. The mother's turntable, the object that brought Nan-young and Jay together in the first place, becomes a kind of inheritance: proof that the people who leave still leave something playing behind them.

## Where it falters

I do have reservations. The final act sometimes leans on the soundtrack, excellent as it is, to carry feelings the script has not quite dramatised, and Jay's side of the separation gets less room than Nan-young's. Hong Kyung does a lot with a little, but I wanted more of him. The Makoto Shinkai comparisons are fair here too: like Shinkai, Han is drawn to lovers separated by vast distance, though she is more interested in endurance than in near-misses.

## Verdict

As a portrait of two people trying to keep something alive across the gap between two planets, *Lost in Starlight* is tender, intelligent and beautifully drawn. It is not flawless, but its final movement earns its tears honestly.
""",
    },
    {
        "slug": "your-name-revisited",
        "film": "your-name",
        "headline": "Your Name., revisited in starlight's wake",
        "standfirst": "With Lost in Starlight inviting endless Shinkai comparisons, we went back to the 2016 film everyone is measuring it against. It still soars.",
        "author": "theo",
        "rating": 10,
        "contains_spoilers": False,
        "status": "published",
        "published_on": date(2025, 7, 10),
        "scheduled_in_days": None,
        "body": """## Why go back now

Almost every piece written about [Lost in Starlight](/films/lost-in-starlight/) mentions Makoto Shinkai, usually in the first paragraph. That made me curious about a simple question: when critics say a new animated romance "feels like Shinkai", which Shinkai do they mean? For most people, I suspect, the answer is *Your Name.*, released in Japan in August 2016. So I rewatched it, with fresh eyes and a notebook, to see whether it still holds up as the benchmark.

It does. Comfortably.

## The craft of the everyday

What strikes you first, again, is the density of the world. Shinkai and his team render ordinary things, a room, a street corner, a doorway, with the kind of attention most films reserve for spectacle. Light pours through windows as if it had weight. Reflections sit on glass exactly where they should. The effect is not photorealism but something better: the feeling that someone has *looked* very hard at the world and loved what they saw.

And then there are the skies. It is easy to joke about Shinkai's skies, and people do, but watching them on a large screen you understand why they became his signature. They are not backdrops. They are weather systems of feeling, shifting in colour and mood alongside the characters.

## Rhythm and restraint

At 106 minutes, *Your Name.* moves with a confidence that is easy to take for granted. It shifts between comedy, yearning and urgency without the seams showing, and its editing has a musical quality, cutting on beats, letting montage carry time forward when dialogue would only slow things down. It is a fantasy and a romance, but above all it is a film about connection under impossible conditions, and it commits to that idea with total sincerity.

## Measuring the newcomer

So how does *Lost in Starlight* compare? The honest answer is that the two films share a vocabulary more than a voice. Both use music as a structural element rather than decoration. Both imagine love as something that has to travel, across distance or circumstance, to arrive. But Han Ji-won is a quieter filmmaker. Her Seoul of 2050 is lived-in rather than transfigured, and her romance is built on patience where Shinkai's is built on momentum.

A few points of comparison I kept scribbling down:

- Shinkai's light is *radiant*; Han's is *warm*. One dazzles, the other glows.
- Shinkai loves a rush of montage; Han prefers to let a scene sit.
- Both directors understand that the space between two people can be the most charged thing in the frame.

## Verdict

Nearly a decade on, *Your Name.* remains a near-perfect piece of popular animation: generous, gorgeous, and emotionally precise. If *Lost in Starlight* has made you curious about the director it keeps being compared with, start here. You will see exactly why the comparison is both a compliment and a very high bar.
""",
    },
    {
        "slug": "the-summer-an-hour-that-lingers",
        "film": "the-summer",
        "headline": "The Summer: an hour that lingers for days",
        "standfirst": "Before Mars, there was this: Han Ji-won's intimate 61-minute adaptation of a Choi Eun-young story, small in scale and anything but slight.",
        "author": "mina",
        "rating": 8,
        "contains_spoilers": False,
        "status": "published",
        "published_on": date(2025, 6, 24),
        "scheduled_in_days": None,
        "body": """## The film before the film

If [Lost in Starlight](/films/lost-in-starlight/) sent you looking for more of Han Ji-won's work, *The Summer* is where you should land next. Released in Korea in 2023, it is a much smaller undertaking: sixty-one minutes, adapted from a short story by Choi Eun-young, centred on two young women, Lee-kyeong and Soo-i. There are no rockets here, no future Seoul, no interplanetary distances. And yet, watching it after her Netflix feature, I kept noticing how much of the later film is already present in miniature.

## The art of the short form

Adapting a short story for the screen is a particular discipline. The temptation is to inflate, to add subplots and incident until the thing can stand up as a "proper" feature. Han resists that completely. *The Summer* keeps the proportions of its source: a tight focus, a handful of scenes that matter, and a willingness to let a glance or a pause carry as much weight as a line of dialogue.

The result feels less like a movie than like a memory being turned over in the hand. The animation is unshowy but exact, and it has the quality I most associate with good literary adaptation: it trusts you to fill in what is not said.

> Some films tell you how to feel. This one just leaves the window open and lets the weather in.

That was the line I wrote down after the credits, and I stand by it. The emotional temperature of *The Summer* is never forced; it rises and falls the way a real season does.

## Two voices, finely tuned

Much of the film's power comes from its voice work. Yoon Ah-young gives Lee-kyeong a thoughtful, slightly held-back quality, while Song Ha-rim's Soo-i feels more open and immediate. The two performances fit together like two lines of a melody, and because the film is so spare, every shift in tone between them registers. As someone who cares a great deal about what a film sounds like, I was struck by how much room the mix leaves for breath and silence. It is a *quiet* film in the best sense.

## What it tells us about Han Ji-won

Watching *The Summer* now, it is hard not to read it as a rehearsal for something bigger. The close attention to two people in a shared space, the patience, the sense that love is as much about time as about feeling: all of it resurfaces, scaled up, in *Lost in Starlight*. What the earlier film has that the later one occasionally lacks is a certain rawness. With less to manage, Han can stay entirely on her characters, and the film is sharper for it.

## Verdict

*The Summer* will not overwhelm you with spectacle, and it is not trying to. It is a precise, tender, beautifully voiced piece of work that proves Han Ji-won was an exceptional director of intimacy long before she took her characters into space. Give it an hour. It will stay with you much longer.
""",
    },
    {
        "slug": "suzume-a-big-canvas-crowded",
        "film": "suzume",
        "headline": "Suzume paints on its biggest canvas yet, and crowds it",
        "standfirst": "Makoto Shinkai's 2022 film is his longest in our catalogue and often his most beautiful. It is also the one where the spectacle most often drowns out the feeling.",
        "author": "editor",
        "rating": 6,
        "contains_spoilers": False,
        "status": "published",
        "published_on": date(2025, 8, 12),
        "scheduled_in_days": None,
        "body": """## A long road

Ever since [Lost in Starlight](/films/lost-in-starlight/) arrived on Netflix, readers have been asking us which Makoto Shinkai film to watch next. *Suzume*, released in Japan in November 2022, is the most recent of them in our catalogue, and at 122 minutes it is also the longest. That length matters. It is a journey film, a fantasy adventure that keeps moving forward, and for a good while the sheer momentum is exhilarating. By the final act, though, I was feeling every one of those minutes.

## The pleasures

Let me be clear about what *Suzume* does brilliantly. Visually, it may be the most accomplished thing Shinkai has made. His famous skies are here, of course, but so is an even richer sense of place: the film treats ordinary locations with a tenderness that borders on reverence, as though every empty room and quiet street deserved to be remembered properly. There are images in it I would happily hang on a wall.

The film is also bolder in its themes than some of his earlier work. Where romance once sat at the centre, *Suzume* is more interested in memory, grief and the business of moving on, and there are moments, especially the quieter ones, where it reaches real depth.

## The problem

The trouble is that those quieter moments keep getting interrupted. *Suzume* is structured as a series of episodes, each with its own set piece, and the film rarely trusts itself to slow down for long. Just as a scene begins to breathe, the next spectacular sequence arrives. The animation in those sequences is dazzling, but the cumulative effect is a little like being shown a magnificent photo album at high speed. You admire every page; you remember very few.

I kept thinking of how differently Han Ji-won handles similar material in *Lost in Starlight*. Both films tie a young woman's story to loss and to the places that hold the past. But Han gives her heroine room to sit with loss, in a repair shop, over a turntable, in a Seoul of 2050 that feels lived in rather than staged. Shinkai, here, seems more anxious to keep us entertained.

## Craft notes

- The colour work is extraordinary: warm interiors, cool exteriors, and transitions between them that feel almost musical.
- The backgrounds remain among the best in the business; they alone justify a big-screen viewing.
- The pacing, by contrast, is the weakest of any Shinkai film I know, with a final stretch that overextends.

## Verdict

*Suzume* is gorgeous, ambitious and sincere, and I would never tell anyone to skip it. But it is also the Shinkai film where his gifts as a stylist most clearly outrun his instincts as a storyteller. Watch it for the images, and for a few scenes of genuine grace. Then watch *Lost in Starlight* again to remember what restraint can do.
""",
    },
    {
        "slug": "weathering-with-you-pretty-skies-thin-air",
        "film": "weathering-with-you",
        "headline": "Weathering with You: pretty skies, thin air",
        "standfirst": "Shinkai's 2019 follow-up to Your Name. is a technical marvel in search of a story strong enough to carry it. Draft notes, not yet for publication.",
        "author": "mina",
        "rating": 4,
        "contains_spoilers": False,
        "status": "draft",
        "published_on": None,
        "scheduled_in_days": None,
        "body": """## The impossible follow-up

Following a phenomenon is never easy, and *Weathering with You*, released in Japan in July 2019, had the unenviable job of coming after *Your Name.* Makoto Shinkai clearly knew it. The film feels engineered to deliver everything audiences loved about its predecessor, the young love, the fantastical twist, the skies, the music, and the engineering is visible at every seam.

I want to be fair: there is a great deal here to admire on a purely technical level. But I finished its 112 minutes feeling oddly empty, and a second viewing did not change my mind.

## Weather as spectacle

The film's central idea is right there in the title, and as a visual concept it is irresistible. Rain, cloud and sunlight are animated with astonishing care. Water beads, streams and scatters; light breaks through in shafts so carefully composed they look like devotional paintings. If you simply want to watch animators at the top of their game render the sky, there are few better showcases.

The problem is that weather becomes the whole point. The emotional beats are timed to the meteorology, so that every feeling arrives accompanied by a corresponding change in the heavens. Once you notice the pattern, it is hard to stop noticing it, and the characters start to feel like passengers in their own film.

## Sound without space

As someone who spends a lot of time listening to films, I found the music the most frustrating element. It is not bad; much of it is catchy. But it is *constant*. The soundtrack rarely steps back to let a scene find its own rhythm, and the result is a film that tells you how to feel from the first minute to the last.

Compare that with [Lost in Starlight](/films/lost-in-starlight/), where Han Ji-won seems far more willing to let the music step aside. Restraint like that makes a score mean more when it returns. *Weathering with You* never gives its score that chance.

## Notes to self before filing

- Check whether the rating is too harsh; the craft alone argues for at least a 5.
- Cut the comparison paragraph if it reads as a second review of *Lost in Starlight*.
- Add a line about the cityscapes, which are genuinely superb.

## Verdict (provisional)

*Weathering with You* is beautifully made and curiously weightless. It is the Shinkai film I would show someone to explain his visual style, and the one I would be least likely to recommend for its story. Gorgeous skies, thin air.
""",
    },
    {
        "slug": "5-centimeters-per-second-the-slow-fall",
        "film": "5-centimeters-per-second",
        "headline": "5 Centimeters per Second and the slow fall of distance",
        "standfirst": "Makoto Shinkai's 63-minute film from 2007 is the seed of everything Lost in Starlight gets compared to, and a bruising study of how far apart two people can drift.",
        "author": "theo",
        "rating": 7,
        "contains_spoilers": False,
        "status": "published",
        "published_on": None,
        "scheduled_in_days": 10,
        "body": """## Where the comparisons begin

When critics call [Lost in Starlight](/films/lost-in-starlight/) "Shinkai-esque", they usually have the later, bigger films in mind. But to understand the specific strand of Makoto Shinkai that Han Ji-won's film most resembles, the obsession with lovers separated by distance, you need to go back to *5 Centimeters per Second*, released in Japan in March 2007. It is the oldest Shinkai film in our catalogue and one of the shortest, running just 63 minutes. It is also, in its quiet way, the most painful.

## A film about the gap

There is very little in the way of spectacle here, and that is the point. This is a melancholy romance about closeness and separation, and about what time does to feelings that once seemed fixed. Shinkai approaches that subject not through grand events but through accumulation: small moments, long waits, the gradual realisation that two lives are moving on different tracks.

Even the title, with its almost clinical measurement, sounds like someone trying to calculate something that cannot be calculated. How fast do two people drift? How slowly does a feeling fade? The film never answers, but it makes you feel the question in your chest.

## The early signature

For anyone who knows the later films, it is fascinating to see how much of Shinkai's style is already in place:

- The skies, already glowing and already doing emotional work.
- The meticulous attention to everyday spaces, rooms, streets, windows, rendered as if each one mattered.
- The use of music to stretch a moment until it aches.

What is missing, compared with the later work, is polish in the character animation and a certain ease with pacing. Some passages feel static, and the film's shortness cuts both ways: it never outstays its welcome, but it also leaves some threads feeling sketched rather than drawn.

## Then and now

Watching it alongside *Lost in Starlight* is instructive. Both films are about distance, but they ask different questions of it. Shinkai's 2007 film is fascinated by the way distance wears love down. Han's 2025 film, set in a Seoul of 2050, is more interested in how love might survive being stretched between Earth and Mars. One is a lament; the other, for all its sadness, is closer to a vow.

> Shinkai measures the distance. Han asks what it costs to cross it.

That is the simplest way I can put the difference, and it is why I think the two films make such a good double bill.

## Verdict

*5 Centimeters per Second* is not Shinkai's most accomplished work, and its melancholy can tip into mopiness. But it is the purest expression of his central theme, and it casts a long shadow, right across to *Lost in Starlight*. Seek it out, ideally on a rainy evening, and give it the full hour of your attention.
""",
    },
]

# Readers who discuss, besides the "reader" sign-in, and what they said (original text).
READERS = [
    {"username": "newcomer", "display_name": "Newcomer", "bio": ""},
    {
        "username": "haneul",
        "display_name": "Haneul",
        "bio": "Watches anything with a night sky in it.",
    },
    {
        "username": "vinylgrace",
        "display_name": "Grace P.",
        "bio": "Collects records; repairs nothing.",
    },
]
COMMENTS = [
    {
        "key": "turntable",
        "review": "lost-in-starlight-a-farewell-written-in-the-stars",
        "author": "haneul",
        "body": "The turntable scene got me. I did not expect a *repair shop* to be the most romantic place in a space film.",
    },
    {
        "key": "turntable-reply",
        "review": "lost-in-starlight-a-farewell-written-in-the-stars",
        "author": "vinylgrace",
        "reply_to": "turntable",
        "body": "Same. The sound design when the needle drops is worth turning the volume up for.",
    },
    {
        "key": "turntable-reply-2",
        "review": "lost-in-starlight-a-farewell-written-in-the-stars",
        "author": "reader",
        "reply_to": "turntable-reply",
        "body": "Agreed. And without saying too much: ||the last message between Earth and Mars|| stayed with me for days.",
    },
    {
        "key": "pun",
        "review": "lost-in-starlight-a-farewell-written-in-the-stars",
        "author": "reader",
        "body": "I only learned about the title pun (이 별 / 이별) from this review. It changes how the whole film reads.",
    },
    {
        "key": "shinkai",
        "review": "lost-in-starlight-beautiful-sound-careful-heart",
        "author": "haneul",
        "body": "Fair review. The Shinkai comparisons are everywhere, but I think the film is quieter and more patient than that.",
    },
]

# What the moderation desk has to show: past decisions (for the dashboard), a held comment and a
# reported one. Times are relative to the first seeding.
MODERATED_COMMENTS = [
    {
        "review": "lost-in-starlight-beautiful-sound-careful-heart",
        "author": "vinylgrace",
        "body": "The piano theme in the second half deserves its own release.",
        "days_ago": 12,
        "decision": ("approve", 35),
    },
    {
        "review": "your-name-revisited",
        "author": "haneul",
        "body": "Rewatched after reading this. The comet sequence still works on a small screen.",
        "days_ago": 6,
        "decision": ("approve", 140),
    },
    {
        "review": "suzume-a-big-canvas-crowded",
        "author": "newcomer",
        "body": "cheap streaming accounts here http://example.com/a http://example.com/b http://example.com/c",
        "days_ago": 3,
        "decision": ("spam", 12),
    },
    {
        "review": "lost-in-starlight-a-farewell-written-in-the-stars",
        "author": "newcomer",
        "body": "First time here. Is the film worth watching if I have not seen any Shinkai films?",
        "days_ago": 0,
        "held_reason": "New account: first comment is reviewed",
    },
]
REPORTS = [
    {"comment": "shinkai", "reporter": "vinylgrace", "reason": "off_topic", "note": ""},
]
