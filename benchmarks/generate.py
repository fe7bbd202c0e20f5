"""Generate a realistic benchmark corpus: N news articles of ~500 words about M stories.

Each story is a set of facts (a company's chief executive, her age, an investor, the amount,
the stake, the valuation, the headcount, the founding year, the headquarters, a start date
with its weekday; or a disaster's death toll, magnitude and scope; or an election's seats
and turnout). Each article about a story is written by one outlet on one day: it states a
random subset of the facts through varied phrasings of the kinds factlint extracts, with

- hedges and rounding ("more than $10 billion", "about 5,000", "$14bn" for 14.3 billion),
- planted contradictions (a wrong age, amount or date in about one fact in twelve),
- changes over time (a death toll that rises with the publication date, a "former" CEO),
- duplicates (syndicated copies of another article under another outlet),
- noise (paragraphs of ordinary news prose with names, places, numbers and dates that are
  not claims; a few documents without metadata, with a date line instead, or empty).

The output is deterministic for a seed:

    python benchmarks/generate.py OUT --docs 1000 [--stories 50] [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

FIRST = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Lisa Matthew Nancy Anthony "
    "Betty Mark Sandra Donald Margaret Steven Ashley Paul Kimberly Andrew Emily Joshua Donna "
    "Kenneth Michelle Kevin Carol Brian Amanda George Melissa Timothy Deborah Ronald Stephanie "
    "Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy Nicholas "
    "Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela Justin Emma Scott Nicole "
    "Brandon Helen Benjamin Samantha Samuel Katherine Gregory Christine Alexander Debra Frank "
    "Rachel Patrick Carolyn Raymond Janet Jack Catherine Dennis Maria Jerry Heather Tyler Diane "
    "Aaron Ruth Jose Julie Adam Olivia Nathan Joyce Henry Virginia Douglas Victoria Zachary Kelly "
    "Peter Lauren Kyle Christina Ethan Joan Walter Evelyn Noah Judith Jeremy Megan Christian "
    "Andrea Keith Cheryl Roger Hannah Terry Jacqueline Gerald Martha Harold Gloria Sean Teresa "
    "Austin Ann Carl Sara Arthur Madison Lawrence Frances Dylan Kathryn Jesse Janice Jordan Jean "
    "Bryan Abigail Billy Alice Joe Judy Bruce Sophia Gabriel Grace Logan Denise Albert Amber "
    "Willie Doris Alan Marilyn Juan Danielle Wayne Beverly Elijah Isabella Randy Theresa Roy "
    "Diana Vincent Natalie Ralph Brittany Eugene Charlotte Russell Marie Bobby Kayla Mason Alexis "
    "Philip Lori Priya Arjun Wei Mei Hiroshi Yuki Omar Leila Tariq Amira Lars Ingrid Pierre Amelie"
).split()
SURNAMES = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris "
    "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill "
    "Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips "
    "Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook "
    "Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward "
    "Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez "
    "Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan "
    "Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson "
    "Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera "
    "Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison "
    "Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker "
    "Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason "
    "Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox "
    "Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan "
    "Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters Santos "
    "Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews "
    "Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews Pena Richards Willis Carpenter "
    "Lawrence Sandoval Okafor Adeyemi Tanaka Sato Nakamura Kowalski Novak Lindqvist Dubois "
    "Rossi Bianchi Moretti Fischer Weber Becker Schulz Kaur Singh Sharma Iyer Haddad Khalil"
).split()
ORG_HEADS = (
    "Norvex Caldera Brightwater Halcyon Veltrix Quantara Ironleaf Sunfield Meridian Obsidian "
    "Lumora Parallax Stratos Greywolf Helix Vantage Crescent Nimbus Bluepeak Ardent Solace "
    "Everline Pinecrest Tidal Kestrel Silverline Northwind Amberly Cobalt Radiant Summit Zephyr "
    "Orbital Granite Harbor Falcon Juniper Sterling Beacon Cascade Aurora Polaris Redwood "
    "Copperline Westmark Eastgate Highmoor Lakeshore Oakridge Riverton Stonebridge Thornbury "
    "Wexford Ashgrove Blackfen Clearwater Dunmore Fairhaven Glenhollow Kingsley Larkspur "
    "Marlowe Newbury Oldcastle Pemberton Quayside Rosewood Saxon Trident Upland Valemont "
    "Whitfield Yarrow Zenith Arclight Bravura Cinder Dovetail Emberly Fathom Gossamer Hearth "
    "Inkwell Jadeite Keystone Lodestar Mosaic Nautilus Outpost Pioneer Quill Rampart Sextant "
    "Talon Umbra Vertex Wildfire Xenon Yonder Zircon Axiom Bastion Cipher Delta Echo Fulcrum"
).split()
ORG_TAILS = (
    "AI|Systems|Labs|Technologies|Motors|Energy|Bank|Capital|Robotics|Therapeutics|Airways|"
    "Aerospace|Media|Software|Holdings|Networks|Foods|Logistics|Health|Games"
).split("|")
INVESTORS = [
    "Microsoft",
    "Meta",
    "Amazon",
    "Alphabet",
    "Nvidia",
    "SoftBank",
    "Tencent",
    "Samsung",
    "Oracle",
    "Sequoia Capital",
    "Andreessen Horowitz",
    "BlackRock",
    "Temasek",
    "Mubadala",
    "Siemens",
    "Toyota",
]
CITIES = [
    ("London", "United Kingdom"),
    ("Manchester", "United Kingdom"),
    ("Paris", "France"),
    ("Berlin", "Germany"),
    ("Munich", "Germany"),
    ("Madrid", "Spain"),
    ("Milan", "Italy"),
    ("Amsterdam", "Netherlands"),
    ("Dublin", "Ireland"),
    ("Stockholm", "Sweden"),
    ("Zurich", "Switzerland"),
    ("New York", "United States"),
    ("San Francisco", "United States"),
    ("Seattle", "United States"),
    ("Boston", "United States"),
    ("Toronto", "Canada"),
    ("Tokyo", "Japan"),
    ("Seoul", "South Korea"),
    ("Singapore", "Singapore"),
    ("Sydney", "Australia"),
    ("Bangalore", "India"),
    ("Tel Aviv", "Israel"),
    ("Dubai", "United Arab Emirates"),
]
DISASTER_PLACES = [
    ("Turkey", "Syria"),
    ("Japan", None),
    ("Indonesia", None),
    ("Chile", "Peru"),
    ("Nepal", "India"),
    ("Mexico", None),
    ("Italy", None),
    ("Philippines", None),
    ("Pakistan", "Afghanistan"),
    ("Morocco", None),
    ("Greece", None),
    ("Iran", "Iraq"),
]
DISASTERS = ["earthquake", "flood", "hurricane", "wildfire", "landslide"]
PARTIES = ["Labour", "Conservatives", "Liberal Democrats", "Greens", "Reform", "SNP"]
OUTLETS = (
    "Cascade Wire|Meridian Business Daily|Harbour Times|Plainsview Post|Pacific Crest Daily|"
    "Kestrel Tech Report|Ironbridge Journal|Lantern Wire|Levant Courier|Northern Star Gazette|"
    "Atlas World Report|Bayline Business Review|Tidewater Tribune|Copperfield Chronicle|"
    "Summit Valley Times|Northgate Herald|Channel Bridge News|Westbury Ledger|Pennine Observer|"
    "Granite City Post|Riverside Dispatch|Eastern Sentinel|Coastline Courier|Metro Ledger"
).split("|")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NOUNS = (
    "plan strategy proposal deal agreement decision market sector economy budget report review "
    "investigation programme project policy reform rollout expansion partnership merger product "
    "platform service network factory supply-chain workforce board committee regulator "
    "government ministry council union lawsuit settlement forecast outlook recovery"
).split()
VERBS = (
    "boost weaken reshape delay accelerate complicate simplify expand limit protect threaten "
    "support undermine strengthen transform stabilise disrupt revive slow"
).split()
ADJECTIVES = (
    "significant modest major unexpected cautious ambitious controversial long-awaited "
    "difficult promising uncertain sweeping limited rapid gradual fragile robust"
).split()
GROUPS = (
    "Analysts|Investors|Critics|Officials|Economists|Union leaders|Regulators|Industry "
    "executives|Local residents|Campaigners|Shareholders|Lawmakers"
).split("|")


@dataclass
class Person:
    first: str
    last: str
    age: int

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class Story:
    kind: str
    start: dt.date
    org: str = ""
    city: str = ""
    country: str = ""
    ceo: Person | None = None
    old_ceo: Person | None = None
    investor: str = ""
    investment: float = 0.0  # billions of dollars
    stake: int = 0
    valuation: float = 0.0
    employees: int = 0
    founded: int = 0
    revenue: float = 0.0
    takeover_day: dt.date | None = None
    others: list[Person] = field(default_factory=list)
    disaster: str = ""
    places: tuple[str, str | None] = ("", None)
    deaths: list[int] = field(default_factory=list)  # toll by day after the event
    magnitude: float = 0.0
    party: str = ""
    rival: str = ""
    seats: int = 0
    rival_seats: int = 0
    turnout: int = 0
    leader: Person | None = None
    minister: Person | None = None


def person(rng: random.Random, low: int = 38, high: int = 72) -> Person:
    return Person(rng.choice(FIRST), rng.choice(SURNAMES), rng.randint(low, high))


def make_story(rng: random.Random, index: int) -> Story:
    kind = rng.choices(["company", "disaster", "election"], weights=[6, 2, 1])[0]
    start = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))
    story = Story(kind=kind, start=start)
    story.others = [person(rng, 30, 75) for _ in range(4)]
    city, country = rng.choice(CITIES)
    story.city, story.country = city, country
    if kind == "company":
        story.org = f"{rng.choice(ORG_HEADS)} {rng.choice(ORG_TAILS)}"
        story.ceo, story.old_ceo = person(rng), person(rng, 50, 75)
        story.investor = rng.choice(INVESTORS)
        story.investment = round(rng.uniform(0.2, 20), 1)
        story.stake = rng.randint(5, 49)
        story.valuation = round(story.investment * 100 / story.stake, 1)
        story.employees = rng.choice([rng.randint(40, 990), rng.randint(1, 90) * 100])
        story.founded = rng.randint(1950, 2020)
        story.revenue = round(rng.uniform(0.1, 30), 1)
        story.takeover_day = start + dt.timedelta(days=rng.randint(10, 60))
    elif kind == "disaster":
        story.disaster = rng.choice(DISASTERS)
        story.places = rng.choice(DISASTER_PLACES)
        base = rng.randint(5, 3000)
        story.deaths = [int(base * (1 + 0.6 * day)) for day in range(12)]
        story.magnitude = round(rng.uniform(5.5, 8.4), 1)
        story.leader = person(rng)
    else:
        story.party, story.rival = rng.sample(PARTIES, 2)
        story.seats = rng.randint(326, 420)
        story.rival_seats = rng.randint(60, 650 - story.seats - 20)
        story.turnout = rng.randint(52, 72)
        story.leader, story.minister = person(rng, 45, 65), person(rng, 40, 60)
    return story


# --- phrasing -------------------------------------------------------------------------------


def money(rng: random.Random, billions: float, wrong: bool = False) -> str:
    value = billions * (rng.choice([0.6, 1.5, 2]) if wrong else 1)
    style = rng.random()
    if value < 1:
        return f"${round(value * 1000)} million"
    if style < 0.3:
        return f"${value:.1f} billion"
    if style < 0.5:
        return f"${value:.1f}bn"
    if style < 0.65:
        return f"more than ${max(1, int(value))} billion"
    if style < 0.8:
        return f"about ${round(value)}bn"
    if style < 0.9:
        return f"${value:.1f} billion (roughly £{value * 0.8:.1f}bn)"
    return f"nearly ${round(value + 0.4)} billion"


def count(rng: random.Random, number: int) -> str:
    style = rng.random()
    if style < 0.4:
        return f"{number:,}"
    rounded = round(number, -2) if number > 1000 else round(number, -1) if number > 100 else number
    if style < 0.6:
        return f"more than {max(1, int(number * 0.9) // 10 * 10):,}"
    if style < 0.8:
        return f"about {rounded:,}"
    return f"nearly {rounded + (10 if number > 100 else 1):,}"


def day_text(rng: random.Random, day: dt.date, weekday: bool = True, wrong: bool = False) -> str:
    name = WEEKDAYS[(day.weekday() + (1 if wrong else 0)) % 7]
    date = (
        f"{day.day} {MONTHS[day.month - 1]}"
        if rng.random() < 0.7
        else f"{MONTHS[day.month - 1]} {day.day}"
    )
    return f"{name} {date}" if weekday else date


def company_facts(rng: random.Random, s: Story, published: dt.date, wrong) -> list[str]:
    ceo, old = s.ceo, s.old_ceo
    assert ceo and old
    age = ceo.age + (rng.choice([-10, 5, 9]) if wrong() else 0)
    facts = [
        rng.choice(
            [
                f"{s.org} chief executive {ceo.name} said the company would keep hiring despite the {rng.choice(NOUNS)}.",
                f"{ceo.name}, the chief executive of {s.org}, said the decision was {rng.choice(ADJECTIVES)}.",
                f"{ceo.name}, founder and CEO of {s.org}, told staff the {rng.choice(NOUNS)} would go ahead.",
                f"{s.org}'s chief executive, {ceo.name}, declined to comment on the {rng.choice(NOUNS)}.",
            ]
        ),
        rng.choice(
            [
                f"{ceo.name}, {age}, joined the company from a rival.",
                f"The {age}-year-old chief executive has led the business through two downturns.",
                f"{ceo.last}, {age}, is a former engineer who rose through the ranks.",
            ]
        ),
        rng.choice(
            [
                f"{s.investor} invested {money(rng, s.investment, wrong())} in {s.org}, people familiar with the deal said.",
                f"{s.investor}'s investment of {money(rng, s.investment, wrong())} gives it a seat on the board.",
                f"{s.investor}, which has poured {money(rng, s.investment, wrong())} into {s.org}, declined to comment.",
            ]
        ),
        rng.choice(
            [
                f"{s.investor} will take a {s.stake + (rng.choice([-4, 6]) if wrong() else 0)}% stake in {s.org}.",
                f"{s.investor} holds a minority stake in {s.org} after the deal.",
            ]
        ),
        rng.choice(
            [
                f"The deal values {s.org} at {money(rng, s.valuation, wrong())}.",
                f"{s.org} is now valued at {money(rng, s.valuation, wrong())}, according to the filing.",
            ]
        ),
        rng.choice(
            [
                f"{s.org}, which employs {count(rng, s.employees)} people, said no jobs would go.",
                f"{s.org} has {count(rng, s.employees)} employees in {rng.randint(3, 40)} countries.",
            ]
        ),
        rng.choice(
            [
                f"{s.org} was founded in {s.founded + (rng.choice([-3, 2]) if wrong() else 0)} by a group of former academics.",
                f"Founded in {s.founded}, {s.org} makes software for hospitals and airlines.",
            ]
        ),
        rng.choice(
            [
                f"{s.org} is based in {s.city if not wrong() else rng.choice(CITIES)[0]}.",
                f"The {s.city}-based {s.org} has grown quickly since its launch.",
            ]
        ),
        f"{s.org} reported revenue of {money(rng, s.revenue)} for the year.",
    ]
    assert s.takeover_day
    if published < s.takeover_day:
        facts.append(
            rng.choice(
                [
                    f"{ceo.name} will take over on {day_text(rng, s.takeover_day, wrong=wrong())}.",
                    f"{ceo.last} is due to take over on {day_text(rng, s.takeover_day, weekday=False)}, replacing {old.name}.",
                ]
            )
        )
        facts.append(f"{old.name} will step down at the end of {s.takeover_day.year}.")
    else:
        facts.append(
            rng.choice(
                [
                    f"Former chief executive {old.name} left the company in {MONTHS[s.takeover_day.month - 1]}.",
                    f"{old.name}, the former {s.org} chief, now sits on the board of a charity.",
                ]
            )
        )
    return facts


def disaster_facts(rng: random.Random, s: Story, published: dt.date, wrong) -> list[str]:
    day = max(0, min(11, (published - s.start).days))
    deaths = s.deaths[day] * (rng.choice([2, 3]) if wrong() else 1)
    main, second = s.places
    where = f"{main} and {second}" if second else main
    struck = s.start
    leader = s.leader
    assert leader
    facts = [
        rng.choice(
            [
                f"A magnitude {s.magnitude if not wrong() else round(s.magnitude - 0.3, 1)} {s.disaster} struck {where} on {day_text(rng, struck, wrong=wrong())}.",
                f"The {s.disaster} hit {where} before dawn on {day_text(rng, struck, weekday=False)}, damaging thousands of buildings.",
            ]
        ),
        rng.choice(
            [
                f"{count(rng, deaths).capitalize()} people have been killed in {where}, officials said.",
                f"The death toll from the {s.disaster} rose to {count(rng, deaths)} on {WEEKDAYS[published.weekday()]}.",
                f"In {main} alone, {count(rng, int(deaths * 0.8))} people have died since the {s.disaster}.",
            ]
        ),
        f"{count(rng, deaths * 4).capitalize()} people were injured and many more remain missing.",
        rng.choice(
            [
                f"President {leader.name} declared three days of national mourning.",
                f"{leader.name}, the president, visited the worst-hit towns on {WEEKDAYS[(published.weekday() + 6) % 7]}.",
            ]
        ),
    ]
    return facts


def election_facts(rng: random.Random, s: Story, published: dt.date, wrong) -> list[str]:
    leader, minister = s.leader, s.minister
    assert leader and minister
    seats = s.seats + (rng.choice([-1, 1, 12]) if wrong() else 0)
    return [
        f"The {s.party} won {seats} of the 650 seats, a majority that surprised even its own strategists.",
        f"The {s.rival} finished the night with {s.rival_seats} seats.",
        rng.choice(
            [
                f"Turnout was {s.turnout + (rng.choice([-6, 5]) if wrong() else 0)}%, down on the previous contest.",
                f"Turnout across the country was about {s.turnout}%.",
            ]
        ),
        rng.choice(
            [
                f"Prime Minister {leader.name} promised a government of national renewal.",
                f"{leader.name}, {leader.age + (1 if wrong() else 0)}, was asked to form a government on {WEEKDAYS[published.weekday()]}.",
            ]
        ),
        rng.choice(
            [
                f"Chancellor {minister.name} will set out a budget within weeks.",
                f"{minister.name} was named Chancellor of the Exchequer on {day_text(rng, s.start + dt.timedelta(days=1), weekday=False)}.",
            ]
        ),
    ]


def filler(rng: random.Random, s: Story) -> str:
    other = rng.choice(s.others)
    city = rng.choice(CITIES)[0]
    month = rng.choice(MONTHS)
    templates = [
        f"{rng.choice(GROUPS)} said the {rng.choice(NOUNS)} could {rng.choice(VERBS)} the {rng.choice(NOUNS)} in the months ahead.",
        f"{other.name}, who has followed the {rng.choice(NOUNS)} for years, said the outcome was {rng.choice(ADJECTIVES)}.",
        f"Speaking in {city} on {rng.choice(WEEKDAYS)}, {other.last} said there was still work to do.",
        f"The {rng.choice(NOUNS)} had been under discussion since {month}, when talks first stalled over the {rng.choice(NOUNS)}.",
        f"It is not yet clear whether the {rng.choice(NOUNS)} will {rng.choice(VERBS)} the {rng.choice(NOUNS)}.",
        f"A spokesperson for the {rng.choice(NOUNS)} declined to comment on the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}.",
        f"In a statement, {other.name} described the {rng.choice(NOUNS)} as {rng.choice(ADJECTIVES)} but necessary.",
        f"Some {rng.randint(2, 90)} per cent of respondents to a survey in {city} said they expected the {rng.choice(NOUNS)} to {rng.choice(VERBS)} the {rng.choice(NOUNS)}.",
        f"Earlier this year, the {rng.choice(NOUNS)} was delayed by {rng.randint(2, 11)} months after a {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}.",
        f"The figures, published on {rng.randint(1, 28)} {month}, showed a {rng.choice(ADJECTIVES)} rise in the {rng.choice(NOUNS)}.",
        f"{other.first} {other.last} of the {city} School of Economics said the {rng.choice(NOUNS)} had been {rng.choice(ADJECTIVES)}.",
        f"Critics argue that the {rng.choice(NOUNS)} will {rng.choice(VERBS)} the {rng.choice(NOUNS)}, while supporters say it will {rng.choice(VERBS)} it.",
        f"The {rng.choice(NOUNS)} comes at a {rng.choice(ADJECTIVES)} moment for the {rng.choice(NOUNS)}, which has faced pressure from {rng.choice(GROUPS).lower()}.",
        f'"We are confident that the {rng.choice(NOUNS)} will {rng.choice(VERBS)} our {rng.choice(NOUNS)}," {other.last} told reporters.',
        f"Officials in {city} and {rng.choice(CITIES)[0]} are expected to meet again in {month} to review the {rng.choice(NOUNS)}.",
        f"More details are expected when the {rng.choice(NOUNS)} is presented to the {rng.choice(NOUNS)} later this month.",
    ]
    return rng.choice(templates)


def article(
    rng: random.Random, s: Story, outlet: str, published: dt.date, words: int
) -> tuple[str, str]:
    def wrong() -> bool:
        return rng.random() < 1 / 12

    builder = {"company": company_facts, "disaster": disaster_facts, "election": election_facts}
    facts = builder[s.kind](rng, s, published, wrong)
    rng.shuffle(facts)
    facts = facts[: rng.randint(max(3, len(facts) // 2), len(facts))]
    sentences: list[str] = []
    total = 0
    while total < words:
        take_fact = facts and (rng.random() < 0.4 or not sentences)
        sentence = facts.pop() if take_fact else filler(rng, s)
        sentences.append(sentence)
        total += len(sentence.split())
    paragraphs, i = [], 0
    while i < len(sentences):
        size = rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[i : i + size]))
        i += size
    subject = s.org or (s.disaster and f"{s.disaster} in {s.places[0]}") or f"{s.party} victory"
    title = f"{subject}: {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} as {rng.choice(GROUPS).lower()} react"
    return title, "\n\n".join(paragraphs)


def render(title: str, outlet: str, published: dt.date, body: str, style: str) -> str:
    slug = title.lower().replace(" ", "-").replace(":", "")[:50]
    if style == "date-line":
        return f"{published.isoformat()}\n\n{title}\n\n{body}\n"
    if style == "bare":
        return f"{title}\n\n{body}\n"
    url = f"https://example.org/{outlet.lower().replace(' ', '-')}/{published.isoformat()}/{slug}"
    return (
        f'---\ntitle: "{title}"\noutlet: {outlet}\npublished: {published.isoformat()}\n'
        f"url: {url}\n---\n\n{body}\n"
    )


def generate(out: Path, docs: int, stories: int | None = None, seed: int = 7, words: int = 500):
    """Write `docs` articles about `stories` stories (default: one story per 20 articles)."""
    stories = stories or max(1, docs // 20)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    made = [make_story(rng, i) for i in range(stories)]
    written: dict[int, tuple[str, dt.date, str]] = {}  # last article of each story
    for n in range(docs):
        index = n % stories
        story = made[index]
        folder = out / f"story-{index:05d}"
        folder.mkdir(exist_ok=True)
        outlet = rng.choice(OUTLETS)
        published = story.start + dt.timedelta(days=rng.randint(0, 10))
        name = f"{n // stories:03d}-{outlet.lower().replace(' ', '-')}.md"
        roll = rng.random()
        if roll < 0.0005:
            (folder / name).write_text("", encoding="utf-8")  # an empty file: skipped
            continue
        if roll < 0.05 and index in written:
            title, published, body = written[index]  # a syndicated copy under another outlet
        else:
            title, body = article(rng, story, outlet, published, words)
            written[index] = (title, published, body)
        style = rng.choices(["front", "date-line", "bare"], weights=[90, 7, 3])[0]
        (folder / name).write_text(render(title, outlet, published, body, style), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--stories", type=int, default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--words", type=int, default=500)
    args = parser.parse_args()
    generate(args.out, args.docs, args.stories, args.seed, args.words)


if __name__ == "__main__":
    main()
