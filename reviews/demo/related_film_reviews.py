"""The review articles on the films around Lost in Starlight, by Han Ji-won and Makoto Shinkai."""

from datetime import date

RELATED_FILM_REVIEWS = [
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
