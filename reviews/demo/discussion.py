"""Readers, their comments, and what the moderation desk has to show."""

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
        "key": "mission",
        "review": "lost-in-starlight-a-farewell-written-in-the-stars",
        "author": "vinylgrace",
        "contains_spoilers": True,  # collapsed by the spoiler gate until the reader finishes
        "body": "I was sure she had lost her place on the Mars mission for good. When she is chosen after all, the film turns from a meeting into a farewell.",
    },
    {
        "key": "shinkai",
        "review": "lost-in-starlight-beautiful-sound-careful-heart",
        "author": "haneul",
        "body": "Fair review. The Shinkai comparisons are everywhere, but I think the film is quieter and more patient than that.",
    },
    {
        "key": "turntable-shop",
        "review": "lost-in-starlight-a-farewell-written-in-the-stars",
        "author": "reader",
        "body": "Does anyone know a shop that still repairs turntables like the one in the film? Mine stopped spinning last week.",
    },
    {
        "key": "turntable-shop-reply",
        "review": "lost-in-starlight-a-farewell-written-in-the-stars",
        "author": "haneul",
        "reply_to": "turntable-shop",
        "body": "No shop to suggest, but the repair scenes made me want to open mine up and try.",
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
# A comment a second moderator took down, so that its tombstone, the public log and the appeal
# its author filed have something to show; the demo moderator may decide the appeal.
REMOVALS = [
    {
        "comment": "turntable-shop",
        "moderator": "nightdesk",
        "category": "off_topic",
        "reason": "Questions about repairs and shops are off topic under a review.",
        "appeal": "The turntable is at the heart of the film, so I thought the question belonged here. I was not advertising anything.",
    },
]
REPORTS = [
    {"comment": "shinkai", "reporter": "vinylgrace", "reason": "off_topic", "note": ""},
]

# Readers' notes on paragraphs of review articles (reviews/notes): the paragraph is the one
# whose text starts with `paragraph`.
NOTES = [
    {
        "review": "lost-in-starlight-a-farewell-written-in-the-stars",
        "paragraph": "Before a single frame has moved",
        "author": "haneul",
        "body": "I only got the pun on a second watch. It changes how the title card feels.",
    },
    {
        "review": "lost-in-starlight-a-farewell-written-in-the-stars",
        "paragraph": "Before a single frame has moved",
        "author": "vinylgrace",
        "body": "Same here: a friend had to explain the spacing to me.",
    },
    {
        "review": "lost-in-starlight-a-farewell-written-in-the-stars",
        "paragraph": "Climax Studio renders all of this in 2D",
        "author": "reader",
        "body": "“Interiors that glow like the inside of an old valve amplifier” is exactly it.",
    },
]
