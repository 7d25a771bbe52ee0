"""Rendering shared by every app's views."""

from http import HTTPStatus

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_form(request: HttpRequest, template_name: str, context: dict) -> HttpResponse:
    """A page with `context["form"]` on it: 400 when the form came back with errors, so a
    refused submission is never a 200; the form shows what was typed, with the messages."""
    status = HTTPStatus.BAD_REQUEST if context["form"].errors else HTTPStatus.OK
    return render(request, template_name, context, status=status)
