"""A large manufacturing company's union: about 1500 members, some 3000 journal lines a year."""

from __future__ import annotations

import random
from decimal import Decimal

from auditdesk.samples import kit
from auditdesk.samples.book import Book
from auditdesk.samples.common import Builder, Unit

FACTORY = Unit(
    key="factory",
    name="河北青陉重型机械有限公司工会委员会",
    code="QJ-QY-021",
    members=1526,
    employees=1618,
    payroll=Decimal("128400000.00"),
    chair="马振华",
    contact="冯玉兰(工会财务)",
    wage=(5200, 9800),
    groups=(
        "铸造车间",
        "锻压车间",
        "机加工一车间",
        "机加工二车间",
        "热处理车间",
        "装配车间",
        "涂装车间",
        "质量检验部",
        "设备动力部",
        "仓储物流部",
        "技术研发中心",
        "行政后勤部",
    ),
    employer="公司",
)

D = Decimal
SHOP = "青陉县惠民超市"
BASIS_GIFT = "全总《基层工会经费收支管理办法》:节日慰问只限国家法定节日,不得以现金、购物卡、代金券形式发放"
BASIS_EMPLOYER = "《基层工会经费收支管理办法》:应由单位行政负担的费用不得由工会经费列支"
BASIS_EIGHT = "中华全国总工会“八不准”"


def build(year: int) -> Book:
    rng = random.Random(f"factory-{year}")
    b = Builder(
        FACTORY, year, rng, cash="8615.20", bank="1386420.18", fixed_assets="412600.00", cash_float="5000"
    )
    b.dues(quarterly=False)
    b.allocation(quarterly=False)
    b.receive(b.day(1, 8, 20), "收到县总工会送温暖专项补助", "40302", D("60000.00"))
    b.receive(b.day(3, 8, 25), f"收到公司拨付{year}年工会活动经费(行政补助)", "405", D("600000.00"))
    b.receive(b.day(7, 8, 25), f"收到县总工会{year - 1}年度经费回拨补助", "40301", D("85000.00"))
    b.interest(3000, 6500)
    b.bank_fees(tuple(range(1, 13)) * 2)

    b.holiday_gifts(
        "春节",
        200 if year == 2024 else 300,
        [("米面油", SHOP), ("牛羊肉", "青陉县清真肉食店"), ("水果", "鲜丰果业"), ("干果礼盒", SHOP)],
    )
    b.holiday_gifts("端午", 100, [("粽子", SHOP), ("咸鸭蛋", SHOP)])
    b.holiday_gifts("中秋", 200, [("月饼", "稻香村青陉专卖店"), ("水果", "鲜丰果业"), ("食用油", SHOP)])
    b.holiday_gifts("元旦", 100, [("挂面、食用油", SHOP)], next_year=True)
    b.group_birthdays(200, "金麦穗蛋糕店")
    b.personal_care(weddings=38, births=46, illness=260, funerals=80, retirements=48, fee=True)
    b.group_funds(tuple(range(1, 13)), "月度文体活动费", "50102", (3, 6))
    for month in (3, 6, 9, 12):
        q = month // 3
        for group in FACTORY.groups:
            prizes = [
                (f"{group}第{q}季度劳动竞赛{rank}奖金", "50301", kit.money(rng, lo, hi, "100"))
                for rank, lo, hi in (("一等", 2000, 3000), ("二等", 1000, 2000), ("三等", 500, 1000))
            ]
            b.pay_items(b.day(month, 10, 31), prizes)
    for month in range(1, 13):
        for _ in range(7):
            b.pay(b.day(month), f"帮扶困难职工{kit.person(rng)}", "50404", D(rng.choice((1000, 2000, 3000))))
    for _ in range(40):
        b.pay(
            kit.workday_before(kit.festival(year, "春节"), rng.randint(3, 12)),
            f"春节送温暖-走访慰问困难职工{kit.person(rng)}",
            "50405",
            D(rng.choice((1000, 1500, 2000))),
        )
    for group in FACTORY.groups:
        b.pay_items(
            b.day(3, 1, 8),
            [
                (f"三八节{group}女职工插花活动材料", "50102", kit.money(rng, 600, 1500, "1")),
                (f"三八节{group}女职工活动奖品", "50102", kit.money(rng, 500, 1200, "1")),
            ],
        )
    for _ in range(30):
        b.pay(b.day(8, 5, 31), f"金秋助学-资助困难职工子女{kit.person(rng)}", "50405", D("2000.00"))
    for group in FACTORY.groups:
        b.pay_items(
            b.day(7, 1, 15),
            [
                (f"夏送清凉-{group}绿豆、白糖", "50405", kit.money(rng, 1500, 3000, "1")),
                (f"夏送清凉-{group}饮料", "50405", kit.money(rng, 1000, 2500, "1")),
            ],
        )
    b.pay_items(
        b.day(5, 6, 25),
        [
            ("职工运动会奖品", "50102", kit.money(rng, 30000, 40000, "10")),
            ("职工运动会服装", "50102", kit.money(rng, 20000, 30000, "10")),
            ("职工运动会场地及器材租赁", "50102", kit.money(rng, 8000, 12000, "10")),
        ],
    )
    for month, text, code, lo, hi in (
        (4, "职工书屋购书(县新华书店)", "50304", 8000, 12000),
        (6, "安全生产月宣传展板及横幅", "50103", 3000, 6000),
        (9, "职工技术创新工作室耗材", "50303", 10000, 20000),
        (10, "工会干部及积极分子培训费", "50501", 12000, 18000),
        (12, "工会会员代表大会会议资料", "50502", 2000, 4000),
        (8, "劳模疗休养补助(省市劳模6人)", "50104", 18000, 18000),
        (11, "职工法律知识讲座律师授课费", "50403", 3000, 3000),
        (3, "女职工权益保护知识竞赛奖品", "50401", 4000, 6000),
    ):
        b.pay(b.day(month), text, code, kit.money(rng, lo, hi, "10"), attachments=4)
    b.capital(b.day(4, 8, 28), "50702", "职工之家音响设备一套", D("38600.00"))
    b.capital(b.day(10, 8, 28), "50706", "工会会员服务信息系统", D("56000.00"))
    for month in range(1, 13):
        for _ in range(3):
            text, code = rng.choice(
                (
                    ("购买慰问用水果", "50105"),
                    ("购买活动用饮用水", "50102"),
                    ("购买工会办公用品", "50504"),
                    ("冲洗活动照片", "50103"),
                )
            )
            b.pay(b.day(month), text, code, kit.money(rng, 50, 480, "0.5"), cash=True, attachments=1)

    if year == 2024:
        _plant_2024(b, rng)
    else:
        _plant_2025(b, rng)
    return b.finish()


def _plant_2024(b: Builder, rng: random.Random) -> None:
    book, year = b.book, b.year
    v = b.pay(
        kit.workday_before(kit.festival(year, "春节"), 3),
        f"春节慰问品-超市购物卡({SHOP})",
        "50105",
        D(1526 * 200),
        attachments=4,
    )
    book.plant(
        v,
        "gift_card",
        3,
        "以购物卡形式发放节日慰问品",
        "春节向全体会员发放超市购物卡1526张,每张200元,计305200元。",
        BASIS_GIFT,
    )
    v = b.pay(b.day(9, 9, 27), "职工职业健康体检费(县人民医院体检中心)", "50402", D(620 * 260), attachments=4)
    book.plant(
        v,
        "health_check",
        3,
        "工会经费列支职业健康体检费",
        "接触职业病危害职工的职业健康体检费(620人)161200元由工会列支,依法应由公司承担。",
        BASIS_EMPLOYER,
    )
    who = kit.person(rng)
    v = b.pay(b.day(6, 10, 25), f"慰问铸造车间因工负伤职工{who}慰问金", "50404", D("2000.00"), cash=True)
    book.plant(
        v,
        "cash_condolence",
        3,
        "以现金发放慰问金",
        f"从库存现金支付负伤职工{who}慰问金2000元,无本人签收。",
        "慰问金应通过银行转账方式发放",
    )
    when = b.day(7, 15, 22)
    text = "支付冀华劳保用品商行夏送清凉物资款(发票号码13062218)"
    dup = [b.pay(day, text, "50405", D("18650.00")) for day in (when, kit.workday_after(when, 5))]
    book.plant(
        dup[1],
        "duplicate_payment",
        5,
        "同一发票重复付款",
        "冀华劳保用品商行同一张发票(13062218)的货款18650元支付两次。",
        "《工会会计制度》:会计核算应以审核无误的原始凭证为依据",
        also=(dup[0],),
    )
    first = b.day(4, 8, 15)
    parts = (D("19800.00"), D("19650.00"), D("19900.00"))
    split = [
        b.pay(
            kit.workday_after(first, i * 2),
            f"职工篮球赛运动服(第{i + 1}批,县动感体育用品店)",
            "50102",
            amount,
        )
        for i, amount in enumerate(parts)
    ]
    book.plant(
        split[0],
        "split_payment",
        6,
        "拆分支付规避采购审批",
        "同一供应商的运动服分三笔支付(各不足2万元),合计59350元,规避集体决策和比价采购。",
        "基层工会大额支出须经工会委员会集体研究决定",
        amount=sum(parts, D(0)),
        also=tuple(split[1:]),
    )
    v = b.pay(
        b.day(10, 14, 25),
        "组织先进职工赴海南三亚疗休养(途乐国际旅行社团费)",
        "50104",
        D(36 * 4800),
        attachments=5,
    )
    book.plant(
        v,
        "disguised_tourism",
        3,
        "以疗休养名义组织旅游",
        "36名普通职工赴三亚6日游,旅行社团费172800元计入疗休养支出。",
        f"{BASIS_EIGHT}:不准以疗休养名义变相组织旅游",
    )
    v = b.pay(b.day(12, 16, 27), f"发放工会专职副主席{year}年绩效奖金", "50504", D("36000.00"))
    book.plant(
        v,
        "staff_pay",
        3,
        "工会经费支付专职工会干部薪酬",
        "专职工会副主席绩效奖金36000元由工会列支,应由公司行政承担。",
        BASIS_EMPLOYER,
    )


def _plant_2025(b: Builder, rng: random.Random) -> None:
    book, year = b.book, b.year
    day = kit.rest_saturday(rng, year, 5)
    v = b.pay(day, "宴请兄弟单位工会考察团(聚源楼酒店)", "50106", D("4860.00"))
    book.plant(
        v,
        "banquet_weekend",
        3,
        "用工会经费宴请",
        f"{kit.cn_date(day)}(星期六)宴请外单位考察团4860元。",
        f"{BASIS_EIGHT}:不准用工会经费请客送礼",
    )
    v = b.book.add(
        b.day(6, 5, 25),
        "职工创新工作室购置数控雕刻机",
        [("50703", D("28600.00"))],
        [("102", D("28600.00"))],
        3,
    )
    book.plant(
        v,
        "asset_not_recorded",
        4,
        "资本性支出未登记固定资产",
        "购置数控雕刻机28600元计入资本性支出,未同时增加固定资产和资产基金。",
        "《工会会计制度》:购置固定资产应同时借记固定资产、贷记资产基金",
    )
    v = b.pay(
        kit.workday_before(kit.festival(year, "中秋"), 8),
        "中秋国庆慰问-电商购物卡(京东E卡)",
        "50105",
        D(1526 * 200),
        attachments=3,
    )
    book.plant(
        v,
        "gift_card",
        3,
        "以电商购物卡形式发放节日慰问品",
        "中秋国庆发放京东E卡1526张,每张200元,计305200元。",
        BASIS_GIFT,
    )
    when = b.day(3, 10, 20)
    text = "支付青陉县印务公司安全生产宣传册印刷费(发票号码25018834)"
    dup = [b.pay(day, text, "50103", D("8240.00")) for day in (when, kit.workday_after(when, 8))]
    book.plant(
        dup[1],
        "duplicate_payment",
        5,
        "同一发票重复付款",
        "印务公司同一张发票(25018834)付款两次,多付8240元。",
        "《工会会计制度》:会计核算应以审核无误的原始凭证为依据",
        also=(dup[0],),
    )
    v = b.pay(b.day(11, 3, 20), "购买职工书屋图书(新华书店)", "50102", D("6850.00"), attachments=0)
    book.plant(
        v,
        "missing_attachments",
        5,
        "支出无原始凭证",
        "购买职工书屋图书6850元,记账凭证未附发票等原始凭证,附件张数为0。",
        "《会计基础工作规范》第五十一条:除结账和更正错误外,记账凭证必须附有原始凭证",
    )
