"""The review articles on Lost in Starlight itself (Markdown bodies)."""

from datetime import date

LOST_IN_STARLIGHT_REVIEWS = [
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
]
