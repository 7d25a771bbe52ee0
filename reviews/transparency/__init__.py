"""The public moderation log (issue 17): what moderators decided, for everyone to see, without
who decided it or why in their own words."""
