"""Resized copies of film posters, so pages can offer the browser a srcset to choose from."""

from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

from films.models import Film

# Film cards show posters about 150-200 CSS px wide, the film page and the hero up to ~320;
# 800 covers those on 2x and 3x screens.
POSTER_WIDTHS = (200, 400, 800)
VARIANTS_DIR = "posters/variants"


def make_poster_variants(film: Film) -> list[dict]:
    """Write WebP copies of `film.poster` at POSTER_WIDTHS and record them on the film.

    Copies never upscale: an original narrower than a width gives one copy at its own width.
    Earlier copies are deleted first, so calling this again after a new upload (the admin
    does) or over every film (`manage.py make_poster_variants`) leaves exactly one set.
    Saves only `poster_variants`.
    """
    storage = film.poster.storage
    for variant in film.poster_variants:
        storage.delete(variant["name"])

    variants = []
    if film.poster:
        with film.poster.open("rb") as source:
            image = ImageOps.exif_transpose(Image.open(source))
            image = image.convert("RGBA" if image.mode in {"RGBA", "LA", "P"} else "RGB")
        stem = PurePosixPath(film.poster.name).stem
        for width in sorted({min(width, image.width) for width in POSTER_WIDTHS}):
            height = round(image.height * width / image.width)
            buffer = BytesIO()
            image.resize((width, height), Image.Resampling.LANCZOS).save(
                buffer, "WEBP", quality=80, method=6
            )
            name = storage.save(
                f"{VARIANTS_DIR}/{stem}-{width}w.webp", ContentFile(buffer.getvalue())
            )
            variants.append({"name": name, "width": width, "height": height})

    film.poster_variants = variants
    film.save(update_fields=["poster_variants"])
    return variants
