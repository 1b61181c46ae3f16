"""A unit's profile and the event families every union's year is made of."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from auditdesk.samples import chart, kit
from auditdesk.samples.book import Book, Line, Voucher

QUARTERS = ("第一季度", "第二季度", "第三季度", "第四季度")
UPWARD_SHARE = Decimal("0.40")  # Hebei grassroots unions keep 60% of 拨缴经费
_LABELS = {
    "元旦": "元旦",
    "春节": "春节",
    "清明": "清明节",
    "劳动节": "五一劳动节",
    "端午": "端午节",
    "中秋": "中秋节",
    "国庆": "国庆节",
}


@dataclass(frozen=True)
class Unit:
    key: str
    name: str
    code: str
    members: int
    employees: int
    payroll: Decimal  # last year's payroll
    chair: str
    contact: str
    wage: tuple[int, int]  # monthly wage range of members, for dues
    groups: tuple[str, ...]  # departments, workshops or teaching groups
    employer: str  # how the summaries name the employer: 学校, 医院, 公司
    upper: str = "县总工会"


class Builder:
    """Adds one union's ordinary year to a Book; the unit modules add their own events and plants."""

    def __init__(
        self,
        unit: Unit,
        year: int,
        rng: random.Random,
        *,
        cash: str,
        bank: str,
        fixed_assets: str,
        cash_float: str = "1000",
    ) -> None:
        self.unit = unit
        self.year = year
        self.rng = rng
        opening = {chart.CASH: Decimal(cash), chart.BANK: Decimal(bank), "162": Decimal(fixed_assets)}
        self.book = Book(year, opening, cash_float=Decimal(cash_float))
        self.wages = [rng.randint(*unit.wage) for _ in range(unit.members)]

    # -- payments and receipts -------------------------------------------------------------
    def pay(
        self,
        date: dt.date,
        summary: str,
        code: str,
        amount: Decimal,
        *,
        cash: bool = False,
        attachments: int = 2,
    ) -> Voucher:
        source = chart.CASH if cash else chart.BANK
        return self.book.add(date, summary, [(code, amount)], [(source, amount)], attachments)

    def pay_items(
        self,
        date: dt.date,
        items: list[tuple[str, str, Decimal]],
        *,
        cash: bool = False,
        attachments: int = 3,
    ) -> Voucher:
        """Several spending lines with their own summaries, one payment line."""
        source = chart.CASH if cash else chart.BANK
        total = sum((amount for _, _, amount in items), Decimal("0"))
        lines = [Line(text, code, debit=amount) for text, code, amount in items]
        lines.append(Line(items[0][0], source, credit=total))
        return self.book.add_lines(date, lines, attachments)

    def receive(self, date: dt.date, summary: str, code: str, amount: Decimal) -> Voucher:
        return self.book.add(date, summary, [(chart.BANK, amount)], [(code, amount)], 1)

    def day(self, month: int, first: int = 1, last: int = 31) -> dt.date:
        return kit.workday(self.rng, self.year, month, first, last)

    # -- income ------------------------------------------------------------------------------
    def dues(self, quarterly: bool) -> None:
        for month in range(3, 13, 3) if quarterly else range(1, 13):
            months = 3 if quarterly else 1
            monthly = sum((_dues_of(w * (1.03 if month >= 7 else 1.0)) for w in self.wages), Decimal("0"))
            amount = (monthly * months).quantize(kit.CENT)
            period = QUARTERS[month // 3 - 1] if quarterly else f"{month}月份"
            date = self.day(month, 10, 25) if quarterly else self.day(month, 8, 20)
            self.receive(date, f"收取{self.year}年{period}会员会费", "401", amount)

    def allocation(self, quarterly: bool) -> None:
        """The employer pays 2% of payroll; 40% is owed upward (211) and remitted some days later."""
        payroll = self.unit.payroll * Decimal("1.04")
        for month in range(3, 13, 3) if quarterly else range(1, 13):
            months = 3 if quarterly else 1
            base = payroll / 12 * months * Decimal(str(self.rng.uniform(0.97, 1.03)))
            total = (base * Decimal("0.02")).quantize(kit.CENT)
            upward = (total * UPWARD_SHARE).quantize(kit.CENT, ROUND_HALF_UP)
            period = QUARTERS[month // 3 - 1] if quarterly else f"{month}月份"
            date = self.day(month, 5, 20)
            text = f"收到{self.unit.employer}拨缴{self.year}年{period}工会经费"
            self.book.add(date, text, [(chart.BANK, total)], [("402", total - upward), ("211", upward)])
            remit = kit.workday_after(date, self.rng.randint(3, 8))
            self.book.add(
                remit,
                f"上解{self.unit.upper}{self.year}年{period}工会经费(40%)",
                [("211", upward)],
                [(chart.BANK, upward)],
                1,
            )

    def interest(self, low: float, high: float) -> None:
        for month in (3, 6, 9, 12):
            date = dt.date(self.year, month, 21)
            self.receive(date, f"{month}月结息(银行存款利息)", "408", kit.money(self.rng, low, high))

    def bank_fees(self, months: tuple[int, ...]) -> None:
        for month in months:
            fee = kit.money(self.rng, 2, 30, "0.5")
            text = self.rng.choice(("支付银行转账手续费", "支付网银服务费", "支付账户管理费"))
            self.pay(self.day(month, 20, 31), text, "50504", fee, attachments=1)

    # -- spending ----------------------------------------------------------------------------
    def holiday_gifts(
        self,
        name: str,
        per_member: int,
        goods: list[tuple[str, str]],
        *,
        ahead: int = 5,
        next_year: bool = False,
    ) -> Voucher:
        """Gifts for a statutory festival: one voucher, a line per kind of goods and supplier."""
        if next_year:
            date = kit.workday(self.rng, self.year, 12, 20, 31)
            label = f"{self.year + 1}年元旦"
        else:
            date = kit.workday_before(kit.festival(self.year, name), ahead)
            label = _LABELS[name]
            if name == "中秋" and kit.FESTIVALS[self.year]["中秋"][0] == 10:
                label = "中秋国庆"
        total = Decimal(per_member * self.unit.members)
        parts = kit.spread(self.rng, total, len(goods))
        items = [
            (f"{label}慰问品-{what}({shop})", "50105", amount)
            for (what, shop), amount in zip(goods, parts, strict=True)
        ]
        return self.pay_items(date, items, attachments=2 + 2 * len(goods))

    def birthdays(self, months: tuple[int, ...], per_person: int, shop: str) -> None:
        for month in months:
            count = sum(1 for _ in range(self.unit.members) if self.rng.random() < 1 / 12) or 1
            text = f"{month}月份会员生日慰问({shop}生日蛋糕{count}份)"
            self.pay(self.day(month, 1, 15), text, "50105", Decimal(per_person * count), attachments=2)

    def personal_care(
        self, weddings: int, births: int, illness: int, funerals: int, retirements: int, *, fee: bool = False
    ) -> None:
        """Greetings and condolences to single members, paid by bank transfer (fee: with its charge)."""
        kinds = (
            [("结婚慰问", 500)] * weddings
            + [("生育慰问", 500)] * births
            + [("住院慰问", 400)] * illness
            + [("直系亲属去世慰问", 1000)] * funerals
            + [("退休纪念品", 800)] * retirements
        )
        for what, amount in kinds:
            month = self.rng.randint(1, 12)
            who = kit.person(self.rng)
            group = self.rng.choice(self.unit.groups)
            text = f"{group}会员{who}{what}" if what != "住院慰问" else f"慰问{group}住院会员{who}"
            if fee and what != "退休纪念品":
                charge = Decimal(self.rng.choice(("0.50", "1.00", "2.00")))
                self.pay_items(
                    self.day(month),
                    [(text, "50105", Decimal(amount)), ("转账手续费", "50504", charge)],
                    attachments=2,
                )
            else:
                self.pay(self.day(month), text, "50105", Decimal(amount), attachments=2)

    def group_birthdays(self, per_person: int, shop: str) -> None:
        """Each group's members born in the month get a cake voucher from a named shop."""
        share = self.unit.members / len(self.unit.groups) / 12
        for month in range(1, 13):
            for group in self.unit.groups:
                count = max(1, round(share * self.rng.uniform(0.6, 1.4)))
                text = f"{group}{month}月份会员生日慰问({shop}蛋糕券{count}张)"
                self.pay(self.day(month, 1, 20), text, "50105", Decimal(per_person * count))

    def group_funds(self, months: tuple[int, ...], what: str, code: str, per_head: tuple[int, int]) -> None:
        """Money handed to each group's 工会小组 for its own activities, reimbursed on receipts."""
        size = self.unit.members // len(self.unit.groups)
        for month in months:
            for group in self.unit.groups:
                amount = kit.money(self.rng, per_head[0] * size, per_head[1] * size, "0.1")
                self.pay(self.day(month), f"报销{group}工会小组{what}", code, amount, attachments=3)

    def capital(self, date: dt.date, code: str, what: str, amount: Decimal) -> Voucher:
        """A 507 purchase with its matching fixed-asset line (Dr 162 / Cr 301)."""
        lines = [
            Line(f"购置{what}", code, debit=amount),
            Line(f"购置{what}", chart.BANK, credit=amount),
            Line(f"{what}登记固定资产", "162", debit=amount),
            Line(f"{what}登记固定资产", "301", credit=amount),
        ]
        return self.book.add_lines(date, lines, 4)

    def finish(self) -> Book:
        self.book.finalize()
        return self.book


def _dues_of(wage: float) -> Decimal:
    """0.5% of the monthly wage, the part under 10 yuan ignored."""
    base = Decimal(int(wage) // 10 * 10)
    return (base * Decimal("0.005")).quantize(kit.CENT, ROUND_HALF_UP)
