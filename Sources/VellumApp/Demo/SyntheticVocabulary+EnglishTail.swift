/// The long tail of the English vocabulary: everyday words, then rarer domain and general words.
extension SyntheticVocabulary {
    static let englishTailSource = """
        people person someone anyone everyone nothing something anything everything thing things way
        place home house car train flight airport hotel taxi traffic station street road city country
        trip travel travelling back_in_office working_from_home WFH leave holiday holidays vacation
        break family kids son daughter wife husband parents mother father brother sister friend friends
        birthday wedding dinner breakfast drinks restaurant table booking booked reservation menu wine
        weather rain raining sunny cold hot typhoon signal_8 storm snow delayed delay cancelled cancel
        moved move postpone postponed reschedule rescheduled confirm_time slot slots available busy free
        calendar invite invitation zoom teams dial-in link room floor reception lobby downstairs upstairs
        arrive arrived arriving leaving left coming come came went going gone stay staying waiting wait
        minute moment second seconds while until since during between through without within across
        along against among behind below above under near far early late quickly slowly already yet
        again often always never sometimes usually maybe perhaps probably definitely actually really
        quite rather fairly pretty almost nearly enough too also either neither both each every many
        most least less fewer several whole half double triple single few_days couple couple_of_days
        important urgent priority issue issues problem problems question questions answer answers
        reason reasons idea ideas plan plans option_to choice decision decide decided agree agreed
        disagree concern concerns worry worried happy pleased glad excited disappointed surprised
        clear unclear simple complicated difficult easy possible impossible likely unlikely better best
        worse worst bigger smaller larger largest smallest strong stronger weak weaker positive negative
        big small large huge tiny full empty total partial entire rest remaining extra additional
        explain explained understand understood mean meant show showed shown tell told ask asked
        asking said say says talk talked talking discuss discussed discussion speak spoke mention
        mentioned suggest suggested recommend recommended recommendation advise advised advice
        consider considering prefer preferred expect expected expecting hope hoping hoped wish feel
        believe guess seems seemed appear remember forgot forget remind reminder reminded keep kept
        start started starting finish finished finishing stop stopped continue continued change changed
        changes try tried trying use used using help helped helping support supported need_to needs
        provide provided prepare prepared preparing receive received share shared sharing forward
        forwarded print printed read reading write writing wrote written sign_off review_it reviewed
        reviewing fix fixed correct corrected correction mistake error typo wrong missing missed
        lost found find finding search searching record recorded records log logged archive archived
        policy policies rule rules process procedure procedures requirement requirements regulation
        regulations regulator regulatory SFC FCA SEC FINRA CSRC PBOC licence license licensed
        approve approved reject rejected pending escalate escalated exception exceptions breach breaches
        complaint complaints incident incidents audit audited auditor auditors inspection control controls
        training attestation declaration declare conflict conflicts gift gifts entertainment hospitality
        personal_account dealing pre-clearance restricted_list watch_list insider information MNPI
        chinese_wall wall-crossed sounding market_sounding embargo embargoed publication published
        """

    static let englishRareSource = """
        amortisation amortization accretion annuity arbitrage attribution backtest basket bilateral
        bullet callable capitulation cashflow clawback cliff coinvest commingled contango counterparty
        covenant-lite crossover custodial debenture decile deleveraging denominated derivative dilution
        disintermediation dispersion drawdowns earmarked earnout endowment escrow exigent fiduciary
        fungible glidepath haircut idiosyncratic illiquid immunisation indemnity inflection interpolate
        kurtosis ladder laddered lookback mezzanine misallocation netting novation onshore offshore
        oversubscribed pari_passu perpetual placement prepayment pro-rata pro_rata provisioning rebate
        recapitalisation reinvestment replication repo reverse_repo rollover securitisation seniority
        sinking_fund solvency sovereign stewardship subordinated supranational syndicate syndicated
        tenor tiering toggle tracker unwind unwound warehousing waterfall whipsaw zero-coupon
        accordion acquiesce addendum adjudicate affidavit aggregator allotment annex apportion
        arrears assignee attest bequest bespoke bifurcate bondholder bourse bridging caveat cessation
        chattel codicil cognisant collateralised commensurate concordat consortium conveyance
        counterclaim cumulative curtail debtor decommission deferral delinquent depositary desist
        disbursement discretion domicile dormant earmark emolument encumbrance endorsement enshrine
        entitlement equitable escheat estoppel exculpatory executor expropriate fiat forbearance
        foreclosure forfeit franchise garnish grantor guarantor hypothecation impairment indenture
        insolvency interim intestate irrevocable jurisdiction lapse leasehold lessee lien liquidator
        moratorium mortgagor notarise notarised nullify obligor overdraft pledgor portability precedent
        promissory quorum ratify receivership recourse remittances rescind restitution revocable
        sequestration severance stipulate subrogation surety tranches trusteeship underwriter usufruct
        vesting waiver warranty abacus alcove almanac amber anchorage antique aperture aquarium arbour
        archipelago armada artisan astrolabe atrium aurora avalanche azalea ballast banyan barometer
        basalt beacon belvedere bramble brigantine buttress cadence calligraphy camellia canopy
        caravan carousel cartographer cascade catamaran cedar chandelier chrysanthemum citadel clipper
        cobblestone compass constellation coral cormorant crescent crystal cypress dahlia delta dune
        eclipse egret emerald estuary falcon fathom fjord foghorn foxglove galleon gazebo glacier
        gondola granite harbour harbourside heron hibiscus horizon hydrangea iceberg indigo jade
        junk junks kingfisher kite lagoon lantern lanterns lighthouse lotus lychee magnolia mangrove
        marina meridian monsoon mooring nautilus nebula oasis obsidian orchid osprey pagoda pavilion
        peninsula pelican pier porcelain promenade quay rampart reef regatta sampan sandalwood sapphire
        schooner seagull sextant skyline spinnaker starling sundial tamarind tempest terrace topaz
        trawler turquoise typhoon_shelter vermilion viaduct wharf willow windlass wisteria zephyr
        Aberdeen Admiralty Causeway_Bay Central Kowloon Lantau Mong_Kok Pudong Puxi Lujiazui Wan_Chai
        Sheung_Wan Tsim_Sha_Tsui Repulse_Bay Stanley Mayfair Canary_Wharf Bishopsgate Moorgate
        Cheapside Shoreditch Battersea Kensington Chelsea Greenwich Wimbledon Richmond Hampstead Soho
        Midtown Tribeca Hoboken Greenwich_Village Marina_Bay Sentosa Orchard Tanjong_Pagar
        """
}
