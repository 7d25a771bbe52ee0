"""The three bylines of the review articles: fictional demo personas who sign in as editors."""

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
