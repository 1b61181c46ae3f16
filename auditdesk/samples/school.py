"""A small school union: about 40 members; its books are kept as cash and bank journals."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from auditdesk.samples import kit
from auditdesk.samples.book import Book
from auditdesk.samples.common import Builder, Unit

SCHOOL = Unit(
    key="school",
    name="青陉县实验小学工会委员会",
    code="QJ-JY-017",
    members=42,
    employees=45,
    payroll=Decimal("2580000.00"),
    chair="赵淑芬",
    contact="王丽(工会兼职会计)",
    wage=(4300, 7800),
    groups=("语文组", "数学组", "英语组", "综合组", "后勤组"),
    employer="学校",
)

D = Decimal
BASIS_GIFT = "全总《基层工会经费收支管理办法》:节日慰问只限国家法定节日,不得以现金、购物卡、代金券形式发放"


def build(year: int) -> Book:
    rng = random.Random(f"school-{year}")
    b = Builder(SCHOOL, year, rng, cash="1236.50", bank="52650.27", fixed_assets="12800.00", cash_float="500")
    b.dues(quarterly=False)
    b.allocation(quarterly=False)
    b.receive(b.day(1, 10, 25), "收到县总工会送温暖专项补助", "40302", D("2000.00"))
    b.receive(b.day(3, 10, 28), f"收到学校拨付{year}年工会活动经费(行政补助)", "405", D("20000.00"))
    b.receive(b.day(6, 10, 28), f"收到县总工会{year - 1}年度经费回拨补助", "40301", D("3260.00"))
    b.interest(20, 95)
    b.bank_fees(tuple(range(1, 13)))

    b.holiday_gifts("春节", 200, [("米面油", "青陉县惠民超市")])
    b.holiday_gifts("端午", 100, [("粽子、咸鸭蛋", "青陉县惠民超市")])
    b.holiday_gifts("中秋", 150, [("月饼、水果", "青陉县惠民超市")])
    b.holiday_gifts("元旦", 100, [("挂面、食用油", "青陉县惠民超市")], next_year=True)
    b.birthdays((1, 2, 3, 4, 5, 6, 9, 10, 11, 12), 150, "金麦穗蛋糕店")
    b.personal_care(weddings=3, births=2, illness=5, funerals=3, retirements=3)

    # Activities (文体, 教育, 宣传), 建家 and 书屋, help for members in hardship
    b.pay(b.day(3, 4, 7), "三八妇女节女教职工趣味活动奖品", "50102", kit.money(rng, 1400, 1700, "10"))
    b.pay(b.day(4, 15, 26), "教职工读书活动购书(县新华书店)", "50101", kit.money(rng, 1500, 2300, "0.1"))
    b.pay(b.day(5, 13, 24), "春季教职工趣味运动会奖品", "50102", kit.money(rng, 2400, 3100, "10"))
    b.pay(b.day(5, 6, 10), "五一劳动节宣传展板制作", "50103", kit.money(rng, 380, 560, "10"))
    b.pay(b.day(10, 14, 25), "教职工羽毛球比赛场地租赁费", "50102", kit.money(rng, 600, 900, "50"))
    b.pay(b.day(11, 4, 15), "职工之家购置茶具、报刊架", "50302", kit.money(rng, 700, 980, "1"))
    b.pay(b.day(12, 16, 27), "元旦教职工联欢会用品", "50102", kit.money(rng, 900, 1300, "0.5"))
    b.pay(b.day(2, 19, 29), f"职工书屋订阅{year}年报刊", "50304", kit.money(rng, 680, 920, "0.1"))
    b.pay(b.day(6, 3, 14), "工会干部参加县总工会业务培训费", "50501", D("600.00"))
    for month in (1, 9):
        who = kit.person(rng)
        b.pay(b.day(month, 10, 28), f"帮扶困难教职工{who}", "50404", D("2000.00"))
    for who in (kit.person(rng), kit.person(rng)):
        b.pay(
            kit.workday_before(kit.festival(year, "春节"), 6),
            f"春节送温暖慰问困难会员{who}",
            "50405",
            D("1000.00"),
        )
    b.pay(b.day(7, 8, 20), "暑期教职工健步走活动奖品", "50102", kit.money(rng, 800, 1200, "10"))
    b.pay(b.day(11, 18, 29), "工会法律知识宣传资料印制", "50103", kit.money(rng, 300, 480, "1"))
    b.pay(b.day(6, 17, 28), "教职工气排球比赛服装", "50102", kit.money(rng, 1200, 1600, "10"))
    b.pay(b.day(9, 16, 27), "新入职教师入会宣传手册印制", "50103", kit.money(rng, 200, 360, "1"))
    b.pay(b.day(11, 4, 15), "职工书屋补充图书(县新华书店)", "50304", kit.money(rng, 500, 800, "0.1"))
    b.pay(b.day(12, 2, 12), "召开工会委员会年度工作会议资料费", "50502", kit.money(rng, 120, 260, "0.5"))
    b.capital(b.day(8, 20, 30), "50702", "职工之家投影仪一台", D("4680.00"))

    # Small purchases in cash
    cash_items = [
        ("购买慰问住院会员水果", "50105", 150, 260),
        ("购买活动用矿泉水", "50102", 60, 140),
        ("购买工会工作用信封、红纸", "50504", 30, 90),
        ("购买运动会号码布、哨子", "50102", 80, 160),
        ("冲洗活动照片", "50103", 40, 120),
        ("购买慰问卡片", "50105", 20, 60),
    ]
    for month in (
        1,
        1,
        2,
        3,
        3,
        3,
        4,
        4,
        5,
        5,
        5,
        6,
        6,
        6,
        7,
        8,
        9,
        9,
        9,
        10,
        10,
        10,
        11,
        11,
        11,
        12,
        12,
        12,
        12,
    ):
        text, code, lo, hi = rng.choice(cash_items)
        b.pay(b.day(month), text, code, kit.money(rng, lo, hi, "0.5"), cash=True, attachments=1)

    _plant(b, year, rng)
    return b.finish()


def _plant(b: Builder, year: int, rng: random.Random) -> None:
    book = b.book
    who = kit.person(rng)
    v = b.pay(
        b.day(4, 8, 20), f"慰问数学组住院教师{who}慰问金", "50105", D("500.00"), cash=True, attachments=1
    )
    book.plant(
        v,
        "cash_condolence",
        3,
        "以现金发放慰问金",
        f"{kit.cn_date(v.date)}从库存现金支付住院教师{who}慰问金500元,无银行转账记录及本人签收。",
        "慰问金应通过银行转账方式发放,减少现金使用",
    )
    day = kit.rest_saturday(rng, year, 11)
    v = b.pay(day, "接待县教育系统工会检查组就餐(福满楼饭店)", "50106", D("1286.00"), attachments=2)
    book.plant(
        v,
        "banquet_weekend",
        3,
        "用工会经费宴请上级检查人员",
        f"{kit.cn_date(day)}(星期六)在福满楼饭店宴请检查组,计入其他活动支出1286元。",
        "中华全国总工会“八不准”:不准用工会经费请客送礼",
    )
    v = b.pay(
        b.day(10, 8, 18), "教职工年度健康体检费(县人民医院体检中心)", "50106", D(42 * 280), attachments=3
    )
    book.plant(
        v,
        "health_check",
        3,
        "工会经费列支职工体检费",
        "全体教职工体检费11760元由工会经费列支,应由学校行政承担。",
        "《基层工会经费收支管理办法》:应由行政负担的费用不得由工会经费列支",
    )
    v = b.pay(
        kit.workday_before(dt.date(year, 9, 10), 2),
        "教师节慰问品-洗衣液、毛巾(青陉县惠民超市)",
        "50105",
        D(42 * 150),
        attachments=3,
    )
    book.plant(
        v,
        "non_holiday_gift",
        3,
        "非法定节日发放节日慰问品",
        "教师节非国家法定节日,向全体会员发放慰问品6300元。",
        BASIS_GIFT,
    )
    v = b.pay(
        b.day(3, 18, 29),
        "召开第八届教职工代表大会第三次会议会议用品及工作餐",
        "50502",
        kit.money(rng, 3600, 4100, "1"),
        attachments=4,
    )
    book.plant(
        v,
        "congress_cost",
        3,
        "教职工代表大会经费由工会列支",
        "教代会会议用品及工作餐计入工会会议支出,应由学校行政承担。",
        "《基层工会经费收支管理办法》:职代会(教代会)经费由单位行政承担",
    )
