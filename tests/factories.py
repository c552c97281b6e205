"""factory_boy factories for the models tests need."""

import datetime

import factory
from django.contrib.auth.models import Group, User

from indicators.models import Indicator, Observation
from meetings.models import AgendaItem, Committee, Meeting, Membership, Pack, Person, Report


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pass-word-123")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(
                Group.objects.get_or_create(name=name)[0]
            )  # flushed by transactional tests


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Scrutiny Panel {n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Councillor Person{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    committee = factory.SubFactory(CommitteeFactory)
    person = factory.SubFactory(PersonFactory)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    committee = factory.SubFactory(CommitteeFactory)
    date = factory.Sequence(lambda n: datetime.date(2022, 1, 1) + datetime.timedelta(days=30 * n))


class PackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pack

    original_filename = factory.Sequence(lambda n: f"pack-{n}.pdf")
    sha256 = factory.Sequence(lambda n: f"{n:064x}")
    file = factory.django.FileField(filename="pack.pdf", data=b"%PDF-1.4 test")
    status = Pack.Status.PUBLISHED
    meeting = factory.SubFactory(MeetingFactory)
    committee = factory.SelfAttribute("meeting.committee")
    page_count = 10


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    pack = factory.SubFactory(PackFactory)
    meeting = factory.SelfAttribute("pack.meeting")
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"ITEM {n}")
    pdf_page = 1


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    pack = factory.SubFactory(PackFactory)
    meeting = factory.SelfAttribute("pack.meeting")
    subject = factory.Sequence(lambda n: f"REPORT {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    committee = factory.SubFactory(CommitteeFactory)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "percent"


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    indicator = factory.SubFactory(IndicatorFactory)
    period = "2022-01"
    period_type = "month"
    period_start = datetime.date(2022, 1, 1)
    value = 50.0
