"""Filing a pack under a panel and meeting from the review screen (see services/filing.py)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from meetings.forms.packs import PackFilingForm
from meetings.models import Pack
from meetings.services.filing import NotFiled, file_pack, read_filing
from meetings.services.pack_contents import ExtractionIncomplete
from scrutiny.access import Can, requires


def filing_form(pack: Pack) -> PackFilingForm:
    """The review screen's form, pre-filled from what the pack says (or the officer chose)."""
    found = read_filing(pack)
    return PackFilingForm(
        initial={
            "committee": found["committee"],
            "meeting": found["meeting"],
            "meeting_date": found["date"],
        }
    )


@require_POST
@requires(Can.UPLOAD_PACKS)
def pack_file(request, pk):
    pack = get_object_or_404(Pack, pk=pk)
    form = PackFilingForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("__all__", []) + [
            f"{form.fields[name].label}: {' '.join(errors)}"
            for name, errors in form.errors.items()
            if name != "__all__"
        ]:
            messages.error(request, error)
        return redirect(pack)
    committee, date = form.chosen()
    try:
        pack = file_pack(pack, committee, date)
    except (NotFiled, ExtractionIncomplete) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Filed under {pack.meeting}. Check what was read, then publish.")
    return redirect(pack)
