namespace SyncBridge.Core.Normalization;

/// <summary>
/// ISO 3166-1: every officially assigned country with its alpha-2 and alpha-3 codes and English short name,
/// then the other names people write for it (common English forms, the CLDR display names CRMs use in their
/// picklists, local names, Japanese names).
/// One line per country: <c>alpha-2|alpha-3|English short name|alias;alias;…</c>.
/// </summary>
internal static class IsoCountries
{
    public const int Count = 249;

    public const string Table = """
        AD|AND|Andorra|アンドラ
        AE|ARE|United Arab Emirates|UAE;U.A.E.;Emirates;アラブ首長国連邦;UAE連邦;ドバイ
        AF|AFG|Afghanistan|アフガニスタン
        AG|ATG|Antigua and Barbuda|Antigua & Barbuda;アンティグア・バーブーダ
        AI|AIA|Anguilla|アンギラ
        AL|ALB|Albania|アルバニア
        AM|ARM|Armenia|アルメニア
        AO|AGO|Angola|アンゴラ
        AQ|ATA|Antarctica|南極;南極大陸
        AR|ARG|Argentina|アルゼンチン
        AS|ASM|American Samoa|アメリカ領サモア
        AT|AUT|Austria|Österreich;Osterreich;オーストリア
        AU|AUS|Australia|オーストラリア;豪州;豪
        AW|ABW|Aruba|アルバ
        AX|ALA|Åland Islands|Aland Islands;Åland;Aland;オーランド諸島
        AZ|AZE|Azerbaijan|アゼルバイジャン
        BA|BIH|Bosnia and Herzegovina|Bosnia & Herzegovina;Bosnia;ボスニア・ヘルツェゴビナ
        BB|BRB|Barbados|バルバドス
        BD|BGD|Bangladesh|バングラデシュ
        BE|BEL|Belgium|België;Belgique;ベルギー
        BF|BFA|Burkina Faso|ブルキナファソ
        BG|BGR|Bulgaria|ブルガリア
        BH|BHR|Bahrain|バーレーン
        BI|BDI|Burundi|ブルンジ
        BJ|BEN|Benin|ベナン
        BL|BLM|Saint Barthélemy|Saint Barthelemy;St. Barthélemy;St Barts;サン・バルテルミー
        BM|BMU|Bermuda|バミューダ;バミューダ諸島
        BN|BRN|Brunei Darussalam|Brunei;ブルネイ
        BO|BOL|Bolivia (Plurinational State of)|Bolivia;Plurinational State of Bolivia;ボリビア
        BQ|BES|Bonaire, Sint Eustatius and Saba|Caribbean Netherlands;Bonaire;ボネール、シント・ユースタティウスおよびサバ
        BR|BRA|Brazil|Brasil;ブラジル
        BS|BHS|Bahamas|The Bahamas;バハマ
        BT|BTN|Bhutan|ブータン
        BV|BVT|Bouvet Island|ブーベ島
        BW|BWA|Botswana|ボツワナ
        BY|BLR|Belarus|ベラルーシ
        BZ|BLZ|Belize|ベリーズ
        CA|CAN|Canada|カナダ
        CC|CCK|Cocos (Keeling) Islands|Cocos Islands;Keeling Islands;ココス諸島
        CD|COD|Congo, Democratic Republic of the|Democratic Republic of the Congo;DR Congo;DRC;Congo-Kinshasa;Congo (the Democratic Republic of the);コンゴ民主共和国;Congo - Kinshasa
        CF|CAF|Central African Republic|中央アフリカ;中央アフリカ共和国
        CG|COG|Congo|Republic of the Congo;Congo-Brazzaville;コンゴ共和国;Congo - Brazzaville
        CH|CHE|Switzerland|Schweiz;Suisse;Svizzera;スイス
        CI|CIV|Côte d'Ivoire|Cote d'Ivoire;Côte d’Ivoire;Cote d’Ivoire;Ivory Coast;コートジボワール
        CK|COK|Cook Islands|クック諸島
        CL|CHL|Chile|チリ
        CM|CMR|Cameroon|カメルーン
        CN|CHN|China|People's Republic of China;PRC;P.R.C.;Mainland China;中国;中華人民共和国
        CO|COL|Colombia|コロンビア
        CR|CRI|Costa Rica|コスタリカ
        CU|CUB|Cuba|キューバ
        CV|CPV|Cabo Verde|Cape Verde;カーボベルデ
        CW|CUW|Curaçao|Curacao;キュラソー
        CX|CXR|Christmas Island|クリスマス島
        CY|CYP|Cyprus|キプロス
        CZ|CZE|Czechia|Czech Republic;チェコ;チェコ共和国
        DE|DEU|Germany|Deutschland;Federal Republic of Germany;ドイツ;独;ドイツ連邦共和国
        DJ|DJI|Djibouti|ジブチ
        DK|DNK|Denmark|Danmark;デンマーク
        DM|DMA|Dominica|ドミニカ国
        DO|DOM|Dominican Republic|ドミニカ共和国
        DZ|DZA|Algeria|アルジェリア
        EC|ECU|Ecuador|エクアドル
        EE|EST|Estonia|エストニア
        EG|EGY|Egypt|エジプト
        EH|ESH|Western Sahara|西サハラ
        ER|ERI|Eritrea|エリトリア
        ES|ESP|Spain|España;Espana;スペイン
        ET|ETH|Ethiopia|エチオピア
        FI|FIN|Finland|Suomi;フィンランド
        FJ|FJI|Fiji|フィジー
        FK|FLK|Falkland Islands (Malvinas)|Falkland Islands;Falklands;フォークランド諸島
        FM|FSM|Micronesia (Federated States of)|Micronesia;Federated States of Micronesia;ミクロネシア;ミクロネシア連邦
        FO|FRO|Faroe Islands|Faroes;フェロー諸島
        FR|FRA|France|French Republic;フランス;仏;フランス共和国
        GA|GAB|Gabon|ガボン
        GB|GBR|United Kingdom of Great Britain and Northern Ireland|United Kingdom;UK;U.K.;Great Britain;Britain;England;Scotland;Wales;Northern Ireland;イギリス;英国;英;連合王国;グレートブリテン;イングランド;スコットランド
        GD|GRD|Grenada|グレナダ
        GE|GEO|Georgia|ジョージア;グルジア
        GF|GUF|French Guiana|フランス領ギアナ
        GG|GGY|Guernsey|ガーンジー
        GH|GHA|Ghana|ガーナ
        GI|GIB|Gibraltar|ジブラルタル
        GL|GRL|Greenland|グリーンランド
        GM|GMB|Gambia|The Gambia;ガンビア
        GN|GIN|Guinea|ギニア
        GP|GLP|Guadeloupe|グアドループ
        GQ|GNQ|Equatorial Guinea|赤道ギニア
        GR|GRC|Greece|Hellas;ギリシャ;ギリシア
        GS|SGS|South Georgia and the South Sandwich Islands|サウスジョージア・サウスサンドウィッチ諸島;South Georgia & South Sandwich Islands
        GT|GTM|Guatemala|グアテマラ
        GU|GUM|Guam|グアム
        GW|GNB|Guinea-Bissau|ギニアビサウ
        GY|GUY|Guyana|ガイアナ
        HK|HKG|Hong Kong|Hong Kong SAR;Hongkong;香港;Hong Kong SAR China
        HM|HMD|Heard Island and McDonald Islands|ハード島・マクドナルド諸島;Heard & McDonald Islands
        HN|HND|Honduras|ホンジュラス
        HR|HRV|Croatia|Hrvatska;クロアチア
        HT|HTI|Haiti|ハイチ
        HU|HUN|Hungary|Magyarország;ハンガリー
        ID|IDN|Indonesia|インドネシア
        IE|IRL|Ireland|Republic of Ireland;Éire;Eire;アイルランド
        IL|ISR|Israel|イスラエル
        IM|IMN|Isle of Man|マン島
        IN|IND|India|Bharat;インド
        IO|IOT|British Indian Ocean Territory|イギリス領インド洋地域
        IQ|IRQ|Iraq|イラク
        IR|IRN|Iran (Islamic Republic of)|Iran;Islamic Republic of Iran;イラン
        IS|ISL|Iceland|Ísland;アイスランド
        IT|ITA|Italy|Italia;イタリア;伊
        JE|JEY|Jersey|ジャージー
        JM|JAM|Jamaica|ジャマイカ
        JO|JOR|Jordan|ヨルダン
        JP|JPN|Japan|Nippon;Nihon;日本;日本国;ニッポン;ニホン;ジャパン
        KE|KEN|Kenya|ケニア
        KG|KGZ|Kyrgyzstan|Kyrgyz Republic;キルギス
        KH|KHM|Cambodia|カンボジア
        KI|KIR|Kiribati|キリバス
        KM|COM|Comoros|コモロ
        KN|KNA|Saint Kitts and Nevis|St. Kitts and Nevis;St Kitts and Nevis;セントクリストファー・ネービス;St. Kitts & Nevis
        KP|PRK|Korea (Democratic People's Republic of)|North Korea;Democratic People's Republic of Korea;DPRK;北朝鮮;朝鮮民主主義人民共和国
        KR|KOR|Korea, Republic of|Korea;South Korea;Republic of Korea;Korea (the Republic of);ROK;韓国;大韓民国
        KW|KWT|Kuwait|クウェート
        KY|CYM|Cayman Islands|ケイマン諸島
        KZ|KAZ|Kazakhstan|カザフスタン
        LA|LAO|Lao People's Democratic Republic|Laos;Lao PDR;ラオス
        LB|LBN|Lebanon|レバノン
        LC|LCA|Saint Lucia|St. Lucia;St Lucia;セントルシア
        LI|LIE|Liechtenstein|リヒテンシュタイン
        LK|LKA|Sri Lanka|スリランカ
        LR|LBR|Liberia|リベリア
        LS|LSO|Lesotho|レソト
        LT|LTU|Lithuania|リトアニア
        LU|LUX|Luxembourg|ルクセンブルク
        LV|LVA|Latvia|ラトビア
        LY|LBY|Libya|リビア
        MA|MAR|Morocco|モロッコ
        MC|MCO|Monaco|モナコ
        MD|MDA|Moldova, Republic of|Moldova;Republic of Moldova;モルドバ
        ME|MNE|Montenegro|モンテネグロ
        MF|MAF|Saint Martin (French part)|Saint Martin;St. Martin;サン・マルタン
        MG|MDG|Madagascar|マダガスカル
        MH|MHL|Marshall Islands|マーシャル諸島
        MK|MKD|North Macedonia|Macedonia;Republic of North Macedonia;北マケドニア;マケドニア
        ML|MLI|Mali|マリ
        MM|MMR|Myanmar|Burma;ミャンマー;ビルマ;Myanmar (Burma)
        MN|MNG|Mongolia|モンゴル
        MO|MAC|Macao|Macau;Macao SAR;マカオ;澳門;Macao SAR China
        MP|MNP|Northern Mariana Islands|Saipan;北マリアナ諸島;サイパン
        MQ|MTQ|Martinique|マルティニーク
        MR|MRT|Mauritania|モーリタニア
        MS|MSR|Montserrat|モントセラト
        MT|MLT|Malta|マルタ
        MU|MUS|Mauritius|モーリシャス
        MV|MDV|Maldives|モルディブ
        MW|MWI|Malawi|マラウイ
        MX|MEX|Mexico|México;メキシコ
        MY|MYS|Malaysia|マレーシア
        MZ|MOZ|Mozambique|モザンビーク
        NA|NAM|Namibia|ナミビア
        NC|NCL|New Caledonia|ニューカレドニア
        NE|NER|Niger|ニジェール
        NF|NFK|Norfolk Island|ノーフォーク島
        NG|NGA|Nigeria|ナイジェリア
        NI|NIC|Nicaragua|ニカラグア
        NL|NLD|Netherlands|The Netherlands;Netherlands (the);Holland;Nederland;Kingdom of the Netherlands;オランダ;蘭
        NO|NOR|Norway|Norge;ノルウェー
        NP|NPL|Nepal|ネパール
        NR|NRU|Nauru|ナウル
        NU|NIU|Niue|ニウエ
        NZ|NZL|New Zealand|Aotearoa;ニュージーランド
        OM|OMN|Oman|オマーン
        PA|PAN|Panama|パナマ
        PE|PER|Peru|Perú;ペルー
        PF|PYF|French Polynesia|Tahiti;フランス領ポリネシア;タヒチ
        PG|PNG|Papua New Guinea|パプアニューギニア
        PH|PHL|Philippines|The Philippines;Pilipinas;フィリピン
        PK|PAK|Pakistan|パキスタン
        PL|POL|Poland|Polska;ポーランド
        PM|SPM|Saint Pierre and Miquelon|サンピエール島・ミクロン島;St. Pierre & Miquelon
        PN|PCN|Pitcairn|Pitcairn Islands;ピトケアン
        PR|PRI|Puerto Rico|プエルトリコ
        PS|PSE|Palestine, State of|Palestine;State of Palestine;パレスチナ;Palestinian Territories
        PT|PRT|Portugal|ポルトガル
        PW|PLW|Palau|パラオ
        PY|PRY|Paraguay|パラグアイ
        QA|QAT|Qatar|カタール
        RE|REU|Réunion|Reunion;レユニオン
        RO|ROU|Romania|ルーマニア
        RS|SRB|Serbia|セルビア
        RU|RUS|Russian Federation|Russia;ロシア;ロシア連邦
        RW|RWA|Rwanda|ルワンダ
        SA|SAU|Saudi Arabia|Kingdom of Saudi Arabia;KSA;サウジアラビア;サウジ
        SB|SLB|Solomon Islands|ソロモン諸島
        SC|SYC|Seychelles|セーシェル
        SD|SDN|Sudan|スーダン
        SE|SWE|Sweden|Sverige;スウェーデン
        SG|SGP|Singapore|Republic of Singapore;シンガポール
        SH|SHN|Saint Helena, Ascension and Tristan da Cunha|Saint Helena;St. Helena;セントヘレナ
        SI|SVN|Slovenia|スロベニア;スロヴェニア
        SJ|SJM|Svalbard and Jan Mayen|スヴァールバル諸島およびヤンマイエン島;Svalbard & Jan Mayen
        SK|SVK|Slovakia|Slovak Republic;スロバキア;スロヴァキア
        SL|SLE|Sierra Leone|シエラレオネ
        SM|SMR|San Marino|サンマリノ
        SN|SEN|Senegal|セネガル
        SO|SOM|Somalia|ソマリア
        SR|SUR|Suriname|Surinam;スリナム
        SS|SSD|South Sudan|南スーダン
        ST|STP|Sao Tome and Principe|São Tomé and Príncipe;サントメ・プリンシペ;São Tomé & Príncipe
        SV|SLV|El Salvador|エルサルバドル
        SX|SXM|Sint Maarten (Dutch part)|Sint Maarten;シント・マールテン
        SY|SYR|Syrian Arab Republic|Syria;シリア
        SZ|SWZ|Eswatini|Swaziland;エスワティニ;スワジランド
        TC|TCA|Turks and Caicos Islands|タークス・カイコス諸島;Turks & Caicos Islands
        TD|TCD|Chad|チャド
        TF|ATF|French Southern Territories|フランス領南方・南極地域
        TG|TGO|Togo|トーゴ
        TH|THA|Thailand|Kingdom of Thailand;タイ;タイ王国
        TJ|TJK|Tajikistan|タジキスタン
        TK|TKL|Tokelau|トケラウ
        TL|TLS|Timor-Leste|East Timor;東ティモール
        TM|TKM|Turkmenistan|トルクメニスタン
        TN|TUN|Tunisia|チュニジア
        TO|TON|Tonga|トンガ
        TR|TUR|Türkiye|Turkey;Turkiye;トルコ
        TT|TTO|Trinidad and Tobago|Trinidad & Tobago;トリニダード・トバゴ
        TV|TUV|Tuvalu|ツバル
        TW|TWN|Taiwan, Province of China|Taiwan;Republic of China;ROC;台湾;臺灣
        TZ|TZA|Tanzania, United Republic of|Tanzania;United Republic of Tanzania;タンザニア
        UA|UKR|Ukraine|ウクライナ
        UG|UGA|Uganda|ウガンダ
        UM|UMI|United States Minor Outlying Islands|合衆国領有小離島;U.S. Outlying Islands
        US|USA|United States of America|United States;US;U.S.;U.S.A.;America;United States (the);アメリカ;米国;米;アメリカ合衆国;合衆国;米合衆国
        UY|URY|Uruguay|ウルグアイ
        UZ|UZB|Uzbekistan|ウズベキスタン
        VA|VAT|Holy See|Vatican;Vatican City;Vatican City State;バチカン;バチカン市国
        VC|VCT|Saint Vincent and the Grenadines|St. Vincent and the Grenadines;セントビンセント・グレナディーン;St. Vincent & Grenadines
        VE|VEN|Venezuela (Bolivarian Republic of)|Venezuela;ベネズエラ
        VG|VGB|Virgin Islands (British)|British Virgin Islands;BVI;イギリス領ヴァージン諸島
        VI|VIR|Virgin Islands (U.S.)|U.S. Virgin Islands;US Virgin Islands;アメリカ領ヴァージン諸島
        VN|VNM|Viet Nam|Vietnam;ベトナム;ヴェトナム
        VU|VUT|Vanuatu|バヌアツ
        WF|WLF|Wallis and Futuna|ウォリス・フツナ;Wallis & Futuna
        WS|WSM|Samoa|サモア
        YE|YEM|Yemen|イエメン
        YT|MYT|Mayotte|マヨット
        ZA|ZAF|South Africa|Republic of South Africa;RSA;南アフリカ;南アフリカ共和国;南ア
        ZM|ZMB|Zambia|ザンビア
        ZW|ZWE|Zimbabwe|ジンバブエ
        """;
}
