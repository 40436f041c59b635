/// English chat vocabulary, most frequent first; the position is the Zipf rank.
/// `_` joins the words of a fixed phrase ("portfolio_review" is emitted as "portfolio review").
extension SyntheticVocabulary {
    static let englishSource = """
        the to I you a and for is on we it of in can will be that this have please with at me my
        your are do not thanks ok just so if but our let know get all what from as send now today call
        by an would there was up need about out when or they tomorrow good time one us them check go see
        yes no sure back been morning meeting client any some more also how great sorry hi thank well
        could which should done make work still has had did got next week here like think want new then
        look sent email over after before only their its who were am very much take give right fine
        noted quick update note first last day hour later soon let's I'll I'm we'll we're don't can't
        it's that's thx pls fyi btw asap cheers shall may might must around into than same other few
        fund bond bonds portfolio review fee fees contract account price rate market report client's
        clients documents payment transfer trade order yield risk cash equity allocation compliance
        proposal details confirm confirmed approval signed team office desk pm am tonight Monday Tuesday
        Wednesday Thursday Friday weekend afternoon evening lunch coffee phone number message reply
        attached attachment file copy version draft final following regarding re update update's
        portfolio_review bond_allocation fee_schedule term_sheet risk_profile source_of_funds
        market_update client_meeting order_confirmation management_fee due_diligence call_back
        investment income growth return returns performance benchmark quarter quarterly year annual
        month monthly March April June July August September October November December January February
        HKD USD GBP EUR CNH CNY RMB bps basis points spread spreads credit duration coupon maturity issue
        issuer new_issue deal deals book pricing priced guidance tranche settlement settle settled custody
        custodian redemption redeem subscription subscribe NAV dividend dividends interest rates inflation
        Fed ECB BoE PBoC HKMA central bank policy cut cuts hike hikes hold curve treasury treasuries gilts
        gilt yields equities stocks shares index HSI FTSE S&P Nasdaq tech sector sectors China Hong Kong
        London Shanghai Singapore Europe US UK Asia global emerging markets property developers banks
        insurance energy oil gold commodities currency currencies FX hedge hedged hedging hedges exposure
        position positions long short overweight underweight neutral view views outlook note research
        analyst strategist economist data numbers figures chart slides deck pack presentation summary
        agenda minutes actions action items follow followup follow-up deadline cutoff cut-off tomorrow's
        today's yesterday yesterday's last_week next_week this_week end_of_day EOD COB close open opening
        closing level levels high low higher lower up down flat rally selloff sell buy buying selling
        bought sold switch switching rebalance rebalancing top_up topup increase decrease reduce add
        trim trimmed added reduced exit entry point target stop limit order_book fill filled partial
        execution executed booking booked trade_date value_date T+2 T+1 confirm confirmation contract_note
        statement statements valuation valuations mark marks pricing_source holdings holding exposure
        KYC AML onboarding passport ID address proof utility bill bank statement form forms questionnaire
        suitability risk_rating profile profiles professional investor PI accredited wealth family trust
        trustee beneficiary beneficiaries estate succession planning tax residency CRS FATCA W-9 W-8BEN
        mandate discretionary advisory execution-only agreement terms clause schedule appendix amendment
        amended signature sign signing countersign docusign wet ink originals courier post mail scan
        scanned upload uploaded portal secure link login password reset access app mobile website
        invoice invoices billing billed charge charged paid pay paying due overdue receipt remittance
        wire SWIFT IBAN sort_code routing beneficiary_bank correspondent intermediary reference memo
        loan lending facility margin collateral leverage LTV covenant covenants drawdown repay repayment
        deposit deposits time_deposit fixed_deposit savings cash_balance liquidity money_market MMF
        structured product products note notes autocall accumulator decumulator barrier knock-in
        knock-out strike underlying warrant warrants option options call put premium volatility vol
        implied realised skew gamma delta theta vega convexity carry roll roll-down breakeven
        """
}
