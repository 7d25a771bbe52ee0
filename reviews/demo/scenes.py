"""The scenes of Lost in Starlight as editors keep them, and comments about them.

Titles are neutral signposts written for this project from the facts in /work/shared/FILM.md
(Seoul in 2050, the Mars programme, the repair shop and the turntable, the real places the
film reimagines); the start times are the demo's own. The film runs 96 minutes."""

FILM = "lost-in-starlight"

# number, English title, Korean title, slug, start ("H:MM" or "H:MM:SS")
SCENES = [
    (1, "Seoul, 2050", "2050년, 서울", "seoul-2050", "0:00"),
    (2, "Training for Mars", "화성 탐사 훈련", "training-for-mars", "0:09"),
    (3, "A changed plan", "바뀐 계획", "a-changed-plan", "0:18"),
    (4, "The turntable", "턴테이블", "the-turntable", "0:27"),
    (5, "Sewoon Arcade", "세운상가", "sewoon-arcade", "0:38"),
    (6, "Nodeul Island", "노들섬", "nodeul-island", "0:50"),
    (7, "Chosen after all", "다시 찾아온 기회", "chosen-after-all", "1:01"),
    (8, "Seoul Station", "서울역", "seoul-station", "1:12:30"),
    (9, "Between Earth and Mars", "지구와 화성 사이", "between-earth-and-mars", "1:22"),
]

# Comments in a scene's own thread (`scene`: its number), or under a review and tagged with a
# time (`review`, `timecode`). Matched on author and text, so a second seed adds nothing.
SCENE_COMMENTS = [
    {
        "scene": 4,
        "author": "vinylgrace",
        "timecode": "0:27",
        "body": "As someone who collects records: the care in how the turntable is handled "
        "here is lovely. Listen for the hiss before the music comes in.",
    },
    {
        "scene": 5,
        "author": "haneul",
        "body": "The arcade at night is my favourite backdrop in the film. Half the shop signs "
        "are worth pausing on.",
    },
    {
        "scene": 8,
        "author": "reader",
        "timecode": "1:12:30",
        "body": "I rewound this one twice. The station is drawn so crowded and still so quiet.",
    },
    {
        "review": "lost-in-starlight-a-farewell-written-in-the-stars",
        "author": "haneul",
        "timecode": "0:50",
        "body": "The Nodeul Island sequence at 0:50 is where the colours shift for me: worth "
        "watching on the biggest screen you have.",
    },
]
