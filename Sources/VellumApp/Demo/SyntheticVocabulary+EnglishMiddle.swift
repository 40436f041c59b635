/// Everyday English between the chat head and the rare tail of the vocabulary.
extension SyntheticVocabulary {
    static let englishMiddleSource = """
        able above_all accept accepted access_to according account_opening achieve across_the act
        actual adjust adjusted admin affect afford afraid age ago ahead aim air allow allowed alone
        alright alternative although amazing amount amounts analysis annual_review anyway apart apologies
        apply applied approach approx area areas argue arrange arranged arrangement article aside
        assume assumed assets asset attend attended attention available_now average avoid aware away
        awesome background bad balance bar base based basic basically beat become becomes begin beginning
        behalf believe_it benefit benefits beyond bit blame block board body bonus bottom box brief
        briefly bring broke budget build building built bunch business_card buyer calculate calculation
        calm campaign candidate capacity capital care career careful carefully case cases catch caught
        cause caused cent centre certain certainly chain chair challenge chance chat cheap cheaper
        choose chose chosen claim claims class clean closely coffee_chat colleague colleagues collect
        collected combined comfortable comment comments commercial commit commitment committee common
        communicate communication company compare compared comparison compete complete completed
        completely condition conditions conference confident connect connected consistent contact
        contacts context control_of conversation cool cost costs count counted couple_weeks course cover
        covered create created crazy criteria critical cross current currently customer customers
        daily damage deadline_is deal_with dear debate debt decline declined deep default define
        definitely_not degree deliver delivered demand department depend depending depends describe
        design despite detail determine develop development difference different direct directly
        director discount distribution doc docs document draft_is drive drop dropped due_to easily
        economic economy edge effect effective effort either_way elements else elsewhere employee
        employees enjoy ensure enter entire_team environment equal especially estimate estimated
        evaluate even event events eventually evidence exact exactly example excellent except exchange
        existing expensive experience expert explain_why express extend extended external fact factor
        factors fail failed fair fall fallen familiar fast favour feature feedback fight fill_in
        finally finance financial fine_by firm firms fit fixed focus focused folks food force formal
        format former forward_to frankly frequency fresh front fully function funds funding further
        future gain gains gap general generally gentle genuinely gets giving global_view goal goals
        gone_up greatly green ground group groups grow growing guidance_on guys hand handle handled
        happen happened happening hard hardly head heads_up hear heard heavy helpful hey hidden highlight
        highly hire history hit honest honestly hopefully huge_thanks human impact implement improve
        improved include included including indeed independent individual industry initial input
        inside instead interested interesting internal international involve involved item items
        job join joined journey judge jump junior keen key kind kindly lack land language late_again
        launch lead leader leading learn learned least_once legal lend length level_of life light
        likely_to line lines list listed little live local location logic longer loss losses lot lots
        love main mainly major manage managed management manager managers manual mark_to material matter
        maximum measure media medium member members memory method middle mind minimum mix model models
        modest moment_please money moving multiple name named names narrow natural nature nearly_there
        necessary negotiate negotiation net network nice nobody normal normally notice obviously
        occasion offer offered officer official ones online operations opinion opportunity opposite
        organise original otherwise outcome outside overall owner pace page pages paper part particular
        particularly partner partners party pass passed past path pattern peak per percent percentage
        perfect perfectly period permission phase pick picture piece pipeline plenty plus pocket
        point_is points popular population potential power practice precise present press pressure
        pretty_much prevent previous previously primary private probably_not proceed production
        professional_team program progress project projects promise proper properly protect proud
        prove public pull purpose push quality quantity quiet raise raised range rare rarely rather_not
        reach react ready real reality realise recent recently recognise reduce_risk reflect regular
        related relationship relationship_manager release relevant rely remain remove repeat replace
        represent request requested require required resolve resource resources respond response
        responsible result results reverse ride rise rising role round run running safe safety sale
        sales saving scale scenario scope screen section secure_it security seek selection senior sense
        separate serious seriously serve service services session setting settle_down setup shape
        sharp short_term long_term side sign_up significant significantly similar simply site situation
        size skill skills slightly smooth social soft solid solution solve somebody somewhere sort
        source space speed spend spent staff stage standard stand start_date state stated status step
        steps stock store story straight strategy structure stuff style subject submit submitted success
        successful suggest_we suitable supply supposed surely system systems tactical talk_soon target_is
        task tasks technical technology tend term terms_of test thanks_again theme themes therefore
        thinking third though thought threshold tight timeline timing title together topic topics
        touch toward track traditional transaction transactions treat trend trends trust_me truth turn
        typical typically ultimately unfortunately unique unless unusual upside upcoming useful usual
        value various vehicle version_two via visit volume volumes vote wants warm watch weekly weight
        weights welcome whatever whether whole_thing wide willing win within_the word words worth
        """
}
