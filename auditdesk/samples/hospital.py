"""A mid-size hospital union: about 300 members, some 800 journal lines a year."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from auditdesk.samples import kit
from auditdesk.samples.book import Book, Flaw, Voucher
from auditdesk.samples.common import Builder, Unit

HOSPITAL = Unit(
    key="hospital",
    name="青陉县人民医院工会委员会",
    code="QJ-WS-003",
    members=312,
    employees=356,
    payroll=Decimal("36500000.00"),
    chair="孙立新",
    contact="郭凤霞(工会办公室)",
    wage=(6200, 12500),
    groups=("内科", "外科", "妇产科", "儿科", "急诊科", "护理部", "医技科室", "行政后勤"),
    employer="医院",
)

D = Decimal
SHOP = "青陉县惠民超市"
BASIS_GIFT = "全总《基层工会经费收支管理办法》:节日慰问只限国家法定节日,不得以现金、购物卡、代金券形式发放"
BASIS_EMPLOYER = "《基层工会经费收支管理办法》:应由单位行政负担的费用不得由工会经费列支"


def build(year: int) -> Book:
    rng = random.Random(f"hospital-{year}")
    b = Builder(
        HOSPITAL, year, rng, cash="3528.40", bank="286410.55", fixed_assets="96500.00", cash_float="2000"
    )
    b.dues(quarterly=False)
    b.allocation(quarterly=False)
    b.receive(b.day(1, 8, 20), "收到县总工会送温暖专项补助", "40302", D("15000.00"))
    b.receive(b.day(4, 8, 25), f"收到医院拨付{year}年工会活动经费(行政补助)", "405", D("50000.00"))
    b.receive(b.day(7, 8, 25), f"收到县总工会{year - 1}年度经费回拨补助", "40301", D("26800.00"))
    b.interest(600, 1400)
    b.bank_fees(tuple(range(1, 13)))

    b.holiday_gifts("春节", 400, [("米面油", SHOP), ("牛羊肉", "青陉县清真肉食店"), ("水果", "鲜丰果业")])
    b.holiday_gifts("端午", 150, [("粽子", SHOP), ("咸鸭蛋", SHOP)])
    b.holiday_gifts("中秋", 200, [("月饼", "稻香村青陉专卖店"), ("水果", "鲜丰果业")])
    b.holiday_gifts("元旦", 100, [("挂面、食用油", SHOP)], next_year=True)
    b.group_birthdays(200, "金麦穗蛋糕店")
    b.personal_care(weddings=9, births=12, illness=34, funerals=14, retirements=11, fee=True)
    b.group_funds((3, 6, 9, 11), "季度文体活动费", "50102", (25, 45))

    b.pay_items(
        b.day(5, 6, 20),
        [
            ("职工春季运动会奖品", "50102", kit.money(rng, 9000, 12000, "10")),
            ("职工春季运动会服装", "50102", kit.money(rng, 6000, 8000, "10")),
            ("职工春季运动会场地租赁", "50102", D("3000.00")),
        ],
    )
    b.pay_items(
        b.day(10, 12, 28),
        [
            ("护理技能竞赛奖品", "50301", kit.money(rng, 4000, 6000, "10")),
            ("急诊急救技能比武奖品", "50301", kit.money(rng, 3000, 5000, "10")),
        ],
    )
    b.pay(b.day(6, 3, 20), "医德医风主题演讲比赛奖品", "50103", kit.money(rng, 2000, 3000, "10"))
    b.pay(b.day(4, 3, 20), "工会读书月购书(县新华书店)", "50304", kit.money(rng, 3000, 4500, "0.1"))
    b.pay(b.day(9, 3, 20), "职工心理健康讲座专家授课费", "50101", D("3000.00"))
    b.pay(b.day(8, 3, 20), "劳模疗休养补助(市级劳模2人)", "50104", D("6000.00"))
    b.pay(b.day(11, 3, 20), "工会干部业务培训费", "50501", kit.money(rng, 2800, 4200, "10"))
    b.pay(b.day(12, 3, 20), "工会经审委员会年度会议资料费", "50502", kit.money(rng, 300, 600, "1"))
    b.pay(b.day(7, 3, 20), "夏送清凉-绿豆、白糖、饮料(一线科室)", "50405", kit.money(rng, 8000, 11000, "1"))
    for month in (1, 1, 2, 5, 8, 9, 11, 12):
        b.pay(b.day(month), f"帮扶困难职工{kit.person(rng)}", "50404", D(rng.choice((2000, 3000))))
    for _ in range(6):
        b.pay(b.day(8, 10, 31), f"金秋助学-资助困难职工子女{kit.person(rng)}入学", "50405", D("2000.00"))
    b.capital(b.day(3, 10, 28), "50702", "职工之家多功能一体机", D("6890.00"))
    b.capital(b.day(9, 10, 28), "50703", "职工健身房椭圆机", D("12800.00"))
    for month in (2, 4, 6, 9, 11, 12):
        b.pay(b.day(month), "购买慰问用水果、鲜花", "50105", kit.money(rng, 200, 600, "0.5"), cash=True)

    if year == 2024:
        _plant_2024(b, rng)
    else:
        _plant_2023(b, rng)
    return b.finish()


def _plant_2024(b: Builder, rng: random.Random) -> None:
    book, year = b.book, b.year
    v = b.pay(
        kit.workday_before(kit.festival(year, "中秋"), 3),
        f"中秋节慰问品-超市购物卡({SHOP})",
        "50105",
        D(312 * 200),
        attachments=3,
    )
    book.plant(
        v,
        "gift_card",
        3,
        "以购物卡形式发放节日慰问品",
        "中秋节向全体会员发放超市购物卡312张,每张200元,计62400元。",
        BASIS_GIFT,
    )
    first = b.day(6, 3, 12)
    items = (("跑步机", D("9860.00")), ("动感单车(4辆)", D("9600.00")), ("综合训练器", D("9750.00")))
    split = [
        b.pay(
            kit.workday_after(first, i * 3),
            f"职工之家购置{what}(县康力体育器材商行)",
            "50302",
            amount,
            attachments=2,
        )
        for i, (what, amount) in enumerate(items)
    ]
    book.plant(
        split[0],
        "split_payment",
        6,
        "拆分支付规避集体决策",
        "同一供应商的健身器材分三笔支付(各不足1万元),合计29210元,未经工会委员会集体研究;"
        "单价1000元以上的设备未登记固定资产。",
        "基层工会大额支出须经工会委员会集体研究决定",
        amount=D("29210.00"),
        also=tuple(split[1:]),
    )
    when = b.day(3, 4, 15)
    text = "支付华艺印务宣传册印刷费(发票号码04512873)"
    dup = [b.pay(day, text, "50103", D("6480.00")) for day in (when, kit.workday_after(when, 6))]
    book.plant(
        dup[1],
        "duplicate_payment",
        5,
        "同一发票重复付款",
        "华艺印务同一张发票(04512873)的印刷费6480元付款两次。",
        "《工会会计制度》:会计核算应以审核无误的原始凭证为依据",
        also=(dup[0],),
    )
    v = b.pay(
        kit.workday_before(dt.date(year, 5, 12), 2),
        f"5·12护士节慰问品-护理会员({SHOP})",
        "50105",
        D(146 * 200),
        attachments=3,
    )
    book.plant(
        v,
        "non_holiday_gift",
        3,
        "非法定节日发放慰问品",
        "护士节非国家法定节日,向护理会员146人发放慰问品29200元。",
        BASIS_GIFT,
    )
    day = kit.rest_saturday(rng, year, 6)
    v = b.pay(day, "招待市卫健委工会调研组就餐(聚源楼酒店)", "50106", D("2380.00"))
    book.plant(
        v,
        "banquet_weekend",
        3,
        "用工会经费宴请",
        f"{kit.cn_date(day)}(星期六)宴请市卫健委工会调研组2380元。",
        "中华全国总工会“八不准”:不准用工会经费请客送礼",
    )
    v = b.pay(b.day(4, 8, 28), "第六届职工代表大会第二次会议会议费", "50502", D("9760.00"), attachments=4)
    book.plant(
        v,
        "congress_cost",
        3,
        "职代会经费由工会列支",
        "职工代表大会会议费9760元由工会经费列支,应由医院行政承担。",
        BASIS_EMPLOYER,
    )
    _flaws(b)


def _flaws(b: Builder) -> None:
    """Three cells written so they cannot be read: the demo imports this ledger with quarantine."""
    book = b.book
    feb = b.pay(dt.date(b.year, 2, 27), "购买工会活动室饮水机滤芯", "50302", D("360.00"), attachments=1)
    book.flaws.append(Flaw(feb, -1, "date", f"{b.year}-02-30", "date.impossible"))
    may = b.pay(b.day(5, 20, 28), "购买慰问住院会员用品", "50105", D("100.00"), attachments=1)
    book.flaws.append(Flaw(may, 0, "debit", "壹佰元", "amount.invalid"))
    aug = b.pay(b.day(8, 20, 28), "工会活动室空调清洗费", "50302", D("1200.00"), attachments=1)
    book.flaws.append(Flaw(aug, 1, "credit", "1,2O0.00", "amount.invalid"))


def _plant_2023(b: Builder, rng: random.Random) -> None:
    book, year = b.book, b.year
    v: Voucher = b.pay(
        kit.workday_before(kit.festival(year, "春节"), 4),
        f"春节慰问品-超市购物卡({SHOP})",
        "50105",
        D(305 * 300),
        attachments=3,
    )
    book.plant(
        v,
        "gift_card",
        3,
        "以购物卡形式发放节日慰问品",
        "春节向会员发放超市购物卡305张,每张300元,计91500元。",
        BASIS_GIFT,
    )
    v = b.pay(b.day(10, 9, 27), "全院职工年度健康体检费(本院体检中心)", "50106", D(298 * 320), attachments=3)
    book.plant(
        v,
        "health_check",
        3,
        "工会经费列支职工体检费",
        "职工体检费95360元由工会经费列支,应由医院行政承担。",
        BASIS_EMPLOYER,
    )
    v = b.pay(b.day(12, 18, 29), "发放工会委员年终值班补贴", "50504", D(9 * 1500), cash=True)
    book.plant(
        v,
        "improper_allowance",
        3,
        "以现金发放工会委员补贴",
        "从库存现金向9名工会委员发放值班补贴13500元,无发放依据。",
        "中华全国总工会“八不准”:不准违规发放津贴补贴、奖金",
    )
