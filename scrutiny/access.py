"""Who may see and do what: the one rule, enforced in one place.

Roles: the public (anyone, signed in or not), Councillor, Democratic Support Officer (DSO) and
Scrutiny Manager (Django groups). Every view declares what it needs with `@requires(...)`;
`AccessMiddleware` refuses any view that declares nothing, so a new view cannot forget.

Objects follow the same rule through `can_see_pack`, `can_see_item`, `can_see_page` and the
queryset filters used by selectors: the public sees published, non-exempt material (a page in an
exempt item's papers is exempt too); councillors also see exempt items of their own panels (a
councillor of another panel sees what the public sees); DSOs and the scrutiny manager see
everything, drafts included.
"""

from __future__ import annotations

import enum
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db.models import Q

from meetings.models import Membership


class Role(enum.StrEnum):
    PUBLIC = "Public"
    COUNCILLOR = "Councillor"
    DSO = "Democratic Support Officer"
    MANAGER = "Scrutiny Manager"


class Can(enum.StrEnum):
    """Capabilities a view may require."""

    VIEW = "view published material"
    UPLOAD_PACKS = "upload, review and publish packs"
    EDIT_INDICATORS = "edit indicators and import data"
    EDIT_RECOMMENDATIONS = "edit recommendations"
    STAFF_VIEWS = "see drafts and the work queue"


GRANTS: dict[Role, set[Can]] = {
    Role.PUBLIC: {Can.VIEW},
    Role.COUNCILLOR: {Can.VIEW},
    Role.DSO: {Can.VIEW, Can.UPLOAD_PACKS, Can.EDIT_INDICATORS, Can.STAFF_VIEWS},
    Role.MANAGER: {Can.VIEW, Can.EDIT_RECOMMENDATIONS, Can.EDIT_INDICATORS, Can.STAFF_VIEWS},
}


def roles_of(user) -> set[Role]:
    roles = {Role.PUBLIC}
    if not getattr(user, "is_authenticated", False):
        return roles
    cached = getattr(user, "_scrutiny_roles", None)
    if cached is not None:
        return cached
    names = set(user.groups.values_list("name", flat=True))
    roles |= {role for role in Role if role.value in names}
    if user.is_superuser:
        roles |= {Role.DSO, Role.MANAGER}
    user._scrutiny_roles = roles
    return roles


def has(user, capability: Can) -> bool:
    return any(capability in GRANTS[role] for role in roles_of(user))


def is_staff_reader(user) -> bool:
    """DSOs and the scrutiny manager read everything, drafts and exempt items included."""
    return has(user, Can.STAFF_VIEWS)


def panels_of(user) -> set[int]:
    """Committee ids of the panels a councillor sits on (for exempt items)."""
    if Role.COUNCILLOR not in roles_of(user):
        return set()
    cached = getattr(user, "_scrutiny_panels", None)
    if cached is None:
        cached = set(
            Membership.objects.filter(person__user=user).values_list("committee_id", flat=True)
        )
        user._scrutiny_panels = cached
    return cached


# --- objects ------------------------------------------------------------------------------


def can_see_pack(user, pack) -> bool:
    return pack.is_published or is_staff_reader(user)


def can_see_exempt(user, committee_id) -> bool:
    return is_staff_reader(user) or committee_id in panels_of(user)


def can_see_item(user, item) -> bool:
    """An agenda item, report or anything with .pack, .exempt/.confidential and a meeting."""
    if not can_see_pack(user, item.pack):
        return False
    secret = getattr(item, "exempt", False) or getattr(item, "confidential", False)
    return not secret or can_see_exempt(user, item.meeting.committee_id)


def pack_committee_id(pack):
    return pack.meeting.committee_id if pack.meeting_id else pack.committee_id


def can_see_page(user, pack, page: int, exempt_pages) -> bool:
    """A page, its picture and its words follow the rule of the item whose papers it is in."""
    if not can_see_pack(user, pack):
        return False
    return page not in exempt_pages or can_see_exempt(user, pack_committee_id(pack))


def can_see_whole_pack(user, pack, exempt_pages) -> bool:
    """The PDF as uploaded; everyone else gets the public copy without the exempt pages."""
    return can_see_pack(user, pack) and (
        not exempt_pages or can_see_exempt(user, pack_committee_id(pack))
    )


def published_filter(user, pack_field="pack") -> Q:
    """Rows from packs this user may see (all for staff; published for everyone else)."""
    if is_staff_reader(user):
        return Q()
    return Q(**{f"{pack_field}__status": "published"})


def exempt_filter(user, committee_field, secret_field="exempt") -> Q:
    """Hide exempt rows except from staff and councillors on that panel."""
    if is_staff_reader(user):
        return Q()
    return Q(**{secret_field: False}) | Q(**{f"{committee_field}__in": panels_of(user)})


# --- views --------------------------------------------------------------------------------


def requires(capability: Can):
    """Declare what a view needs. Anonymous users are sent to sign in; others get 403."""

    def decorate(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not has(request.user, capability):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied(f"You need permission to {capability.value}.")
            return view(request, *args, **kwargs)

        checked.scrutiny_access = capability
        return checked

    return decorate


public = requires(Can.VIEW)

# Views that are not ours and guard themselves (Django admin, sign-in, static files in debug).
SELF_GUARDED_PREFIXES = ("/admin/", "/accounts/", "/static/", "/media/", "/__debug__/")


class AccessMiddleware:
    """Refuse to serve any of our views that does not declare its access rule."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(SELF_GUARDED_PREFIXES):
            return None
        target = getattr(view_func, "view_class", view_func)
        if getattr(view_func, "scrutiny_access", None) or getattr(target, "scrutiny_access", None):
            return None
        raise ImproperlyConfigured(
            f"View {view_func.__module__}.{view_func.__name__} declares no access rule; "
            "decorate it with scrutiny.access.requires(...)."
        )


def roles_context(request):
    user = request.user
    return {
        "roles": {role.name.lower() for role in roles_of(user)},
        "role_names": [
            role.value for role in Role if role in roles_of(user) and role != Role.PUBLIC
        ],
        "can_upload": has(user, Can.UPLOAD_PACKS),
        "can_edit_recommendations": has(user, Can.EDIT_RECOMMENDATIONS),
        "can_edit_indicators": has(user, Can.EDIT_INDICATORS),
        "is_staff_reader": is_staff_reader(user),
    }
