"""The editors' desk in the admin: review revisions (diff and restore), shareable preview
links to unpublished reviews, and the schedule at a glance in the editor's time zone."""
