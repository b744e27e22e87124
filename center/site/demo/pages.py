"""Demo pages for the Center's portal, as plain data.

The text is the project's own adaptation of the article published on the
inauguration of the Center for Computational Law and AI Ethics Research
(a joint center of Shanghai Jiao Tong University and SenseTime), with the
project's own Simplified Chinese translation. Nothing here is read from an
external file at run time.

``PAGES`` is in tree order: a parent always comes before its children. Each
HTML string in a placeholder list becomes one text plugin.
"""

from .trust_pages import TRUST_PAGES

PAGES = [
    # ------------------------------------------------------------------ home
    {
        "reverse_id": "home",
        "parent": None,
        "template": "cms/home.html",
        "in_navigation": False,
        "titles": {
            "en": {
                "title": "Home",
                "slug": "home",
                "menu_title": "Home",
                "meta_description": (
                    "A joint research center of Shanghai Jiao Tong University and SenseTime "
                    "for AI ethics, computational law and the governance of AI."
                ),
            },
            "zh-hans": {
                "title": "首页",
                "slug": "home",
                "menu_title": "首页",
                "meta_description": (
                    "上海交通大学与商汤科技共建的计算法学与AI伦理研究中心，"
                    "致力于人工智能伦理、计算法学与人工智能治理研究。"
                ),
            },
        },
        "placeholders": {
            "hero": {
                "en": [
                    """<h1>Center for Computational Law and AI Ethics Research</h1>
<p>A joint research center of Shanghai Jiao Tong University and SenseTime that brings law, social science and computer science together, so that artificial intelligence develops in a way that is ethical, accountable and good for society.</p>""",
                ],
                "zh-hans": [
                    """<h1>计算法学与AI伦理研究中心</h1>
<p>上海交通大学与商汤科技共建的研究中心，汇聚法学、社会科学与计算机科学的力量，推动人工智能朝着合乎伦理、权责清晰、造福社会的方向发展。</p>""",
                ],
            },
            "featured": {
                "en": [
                    """<p class="kicker">Featured</p>
<h2>Inaugurated on March 26</h2>
<p>On the morning of March 26, the Center was inaugurated at the Xuhui Campus of Shanghai Jiao Tong University, followed by a Commemorative Seminar on the Values and Law of Artificial Intelligence.</p>
<p><a href="/en/about-us/ethical-and-responsible-ai/">Read the full inauguration article, Ethical and Responsible AI</a></p>""",
                ],
                "zh-hans": [
                    """<p class="kicker">特别推荐</p>
<h2>3月26日正式成立</h2>
<p>3月26日上午，中心在上海交通大学徐汇校区举行成立仪式，随后召开“人工智能的价值与法律”纪念研讨会。</p>
<p><a href="/zh-hans/about-us/ethical-and-responsible-ai/">阅读成立仪式全文：伦理与负责任的人工智能</a></p>""",
                ],
            },
            "themes": {
                "en": [
                    """<h2>What We Research</h2>
<ul>
<li><strong>AI ethics</strong></li>
<li><strong>Digital urban and social governance</strong></li>
<li><strong>Computational law</strong></li>
<li><strong>Cognitive science and legal behavior</strong></li>
<li><strong>Smart justice</strong></li>
</ul>
<p>Its work covers the principles, regulations, policies and technical specifications for big data and artificial intelligence, cognitive science and legal behavior experiments, knowledge graphs, research reports, government projects, papers and monographs.</p>""",
                ],
                "zh-hans": [
                    """<h2>研究方向</h2>
<ul>
<li><strong>AI伦理</strong></li>
<li><strong>数字城市与社会治理</strong></li>
<li><strong>计算法学</strong></li>
<li><strong>认知科学与法律行为</strong></li>
<li><strong>智慧司法</strong></li>
</ul>
<p>研究工作涵盖大数据与人工智能相关的原则、法规、政策和技术规范，认知科学与法律行为实验，知识图谱构建，研究报告，政府课题，以及论文与专著。</p>""",
                ],
            },
            "publications": {
                "en": [
                    """<h2>Latest publications</h2>
<p>The whitepaper “Code of Ethics for AI Sustainable Development” sets out four development principles: ethics, benefiting the people, industrial integration, and credibility. <a href="/en/code-of-ethics/">Read about the Code of Ethics</a>.</p>""",
                ],
                "zh-hans": [
                    """<h2>最新出版物</h2>
<p>白皮书《人工智能可持续发展道德规范》提出伦理、惠民、产业融合与可信四项发展原则。<a href="/zh-hans/code-of-ethics/">了解伦理准则</a>。</p>""",
                ],
            },
            "partners": {
                "en": [
                    """<h2>Founding partners</h2>
<ul>
<li><strong>Shanghai Jiao Tong University</strong> The university whose two institutes jointly established the Center, pioneering the “university-enterprise cooperation” model in AI ethics research.</li>
<li><strong>SenseTime</strong> The AI company that is the Center’s corporate sponsor and co-founder, bringing the experience of real-world AI applications.</li>
<li><strong>China Institute for Social-Legal Studies</strong> A university-level interdisciplinary platform for computational law and tech ethics.</li>
<li><strong>Qing Yuan Research Institute</strong> Interdisciplinary research and top talents in artificial intelligence.</li>
</ul>
<p><a href="/en/about-us/">Learn more about the Center and its founding institutes</a></p>""",
                ],
                "zh-hans": [
                    """<h2>共建单位</h2>
<ul>
<li><strong>上海交通大学</strong>由其两家研究院共同成立中心，开创了AI伦理研究领域的“校企合作”模式。</li>
<li><strong>商汤科技</strong>人工智能企业，中心的企业支持方和共建方，带来人工智能真实应用场景中的实践经验。</li>
<li><strong>中国法与社会研究院</strong>校级交叉学科平台，聚焦计算法学与科技伦理。</li>
<li><strong>清源研究院</strong>推动人工智能领域的交叉学科研究和拔尖人才培养。</li>
</ul>
<p><a href="/zh-hans/about-us/">进一步了解中心及其共建机构</a></p>""",
                ],
            },
        },
    },
    # ----------------------------------------------------------------- about
    {
        "reverse_id": "about",
        "parent": None,
        "template": "cms/one_column.html",
        "in_navigation": True,
        "titles": {
            "en": {
                "title": "About Us",
                "slug": "about-us",
                "menu_title": "About Us",
                "meta_description": (
                    "Who we are: a center founded by Shanghai Jiao Tong University and SenseTime, "
                    "bringing two institutes together for AI ethics research."
                ),
            },
            "zh-hans": {
                "title": "关于我们",
                "slug": "about-us",
                "menu_title": "关于我们",
                "meta_description": (
                    "了解计算法学与AI伦理研究中心：由上海交通大学与商汤科技合作，"
                    "中国法与社会研究院与清源研究院共同成立。"
                ),
            },
        },
        "placeholders": {
            "content": {
                "en": [
                    """<p>The Center for Computational Law and AI Ethics Research was founded through the cooperation between Shanghai Jiao Tong University and SenseTime. It was jointly established by two institutes of Shanghai Jiao Tong University, pioneering the “university-enterprise cooperation” model in the field of AI ethics research.</p>
<h2>Our Founding Institutes</h2>
<ul>
<li><strong>China Institute for Social-Legal Studies</strong>: a university-level interdisciplinary platform whose research focuses on computational law, tech ethics, and the interactive relationship between individual behaviors and code frameworks in cyberspace.</li>
<li><strong>Qing Yuan Research Institute</strong>: promotes interdisciplinary research and the cultivation of top talents in artificial intelligence, with a focus on fundamental theory innovation, key technology research and development, and industrial development.</li>
</ul>
<p>SenseTime, an AI company, is the Center’s corporate sponsor and co-founder.</p>""",
                    """<h2>Our Aims</h2>
<ul>
<li>Integrate theoretical research and practical experience to blaze new trails in the frontier field of AI governance.</li>
<li>Build a high-level platform for industry-education-research cooperation that promotes innovation in the legal knowledge system and the mutual development of social science and computer science.</li>
<li>Play the role of a think tank in the research and development of emerging computer systems, the construction of an intelligent ecosystem, rulemaking for the digital economy, and AI legislation.</li>
<li>Cultivate comprehensive talents in artificial intelligence, big data governance, science and technology, and law through teaching that integrates liberal arts and science.</li>
</ul>
<p>Read how the Center was founded and why AI ethics needs an ecosystem in <a href="/en/about-us/ethical-and-responsible-ai/">Ethical and Responsible AI</a>.</p>""",
                ],
                "zh-hans": [
                    """<p>计算法学与AI伦理研究中心是在上海交通大学与商汤科技合作的基础上成立的，由上海交通大学两家研究院共同建设，开创了AI伦理研究领域的“校企合作”模式。</p>
<h2>共建机构</h2>
<ul>
<li><strong>中国法与社会研究院</strong>：校级交叉学科平台，以计算法学、科技伦理以及网络空间中个人行为与代码框架之间的互动关系为研究重点。</li>
<li><strong>清源研究院</strong>：致力于推动人工智能领域的交叉学科研究和拔尖人才培养，聚焦基础理论创新、关键技术研发与产业发展。</li>
</ul>
<p>人工智能企业商汤科技是中心的企业支持方和共建方。</p>""",
                    """<h2>中心目标</h2>
<ul>
<li>融合理论研究与实践经验，在AI治理这一前沿领域开拓新路。</li>
<li>搭建高水平的产学研合作平台，推动法学知识体系创新，促进社会科学与计算机科学相互促进、共同发展。</li>
<li>在新兴计算机系统研发、智能生态建设、数字经济规则制定和人工智能立法等方面发挥智库作用。</li>
<li>通过文理融合的教学，培养人工智能、大数据治理、科技、法律等相关领域的复合型人才。</li>
</ul>
<p>中心的成立经过以及AI伦理研究为何需要生态助力，请阅读<a href="/zh-hans/about-us/ethical-and-responsible-ai/">伦理与负责任的人工智能</a>。</p>""",
                ],
            },
        },
    },
    # -------------------------------------------------------- responsible-ai
    {
        "reverse_id": "responsible-ai",
        "parent": "about",
        "template": "cms/two_columns.html",
        "in_navigation": True,
        "titles": {
            "en": {
                "title": "Ethical and Responsible AI",
                "slug": "ethical-and-responsible-ai",
                "menu_title": "Ethical and Responsible AI",
                "meta_description": (
                    "How SenseTime and Shanghai Jiao Tong University founded the Center for "
                    "Computational Law and AI Ethics Research through university-enterprise cooperation."
                ),
            },
            "zh-hans": {
                "title": "伦理与负责任的人工智能",
                "slug": "ethical-and-responsible-ai",
                "menu_title": "伦理与负责任的人工智能",
                "meta_description": (
                    "校企携手共促AI伦理研究：商汤科技与上海交通大学共建计算法学与AI伦理研究中心。"
                ),
            },
        },
        "placeholders": {
            "content": {
                "en": [
                    """<p>To promote the healthy development of the new AI generation, SenseTime has established the Committee of AI Ethics and Governance, and published the Code of Ethics for AI Sustainable Development.</p>
<h2>University-Enterprise Cooperation for AI Ethics Research – SenseTime and Shanghai Jiao Tong University Jointly Found the Center for Computational Law and AI Ethics Research</h2>
<p>As early as 1942, Isaac Asimov, a famous science fiction author, had introduced the famous “Three Laws of Robotics” in his work <em>Runaround</em>. The development of science and technology in the future may disrupt society at any time. Facing this uncertainty, mankind has been actively exploring the intersection of technology and human nature, trying to understand the relationship between society and technology, inquiring about the core values of the community of the shared future for mankind, and conducting in-depth discussion over roboethics and AI ethics.</p>
<p>In recent years, artificial intelligence technology has been extensively applied in various social sectors. What come along are the ethical challenges and risks brought by this new technology. The National Science and Technology Ethics Committee, established in October of last year, aims to promote the construction of a comprehensive, well-directed, structured and strategically-coordinated governance system for tech ethics. As an emerging and complex technology, artificial intelligence cannot be interpreted with traditional research experience and paradigms. Instead, it requires discussion by experts from different disciplines and fields, together with practical experience and academic debate.</p>""",
                    """<div class="laws">
<h2>The Three Laws of Robotics</h2>
<ol start="0">
<li><strong>Zeroth Law:</strong> A robot may not harm humanity, or, by inaction, allow humanity to come to harm.</li>
<li><strong>First Law:</strong> A robot may not injure a human being or, through inaction, allow a human being to come to harm.</li>
<li><strong>Second Law:</strong> A robot must obey the orders given it by human beings except where such orders would conflict with the First Law.</li>
<li><strong>Third Law:</strong> A robot must protect its own existence as long as such protection does not conflict with the First or Second Law.</li>
</ol>
<p>Isaac Asimov introduced the Three Laws in his 1942 short story <em>Runaround</em>; the Zeroth Law was added in his later fiction.</p>
</div>""",
                    """<h2>Inauguration Ceremony</h2>
<p>On the morning of March 26, the “Inauguration Ceremony of the Center for Computational Law and AI Ethics Research of Shanghai Jiao Tong University and Commemorative Seminar on the Values and Law of Artificial Intelligence”, co-organized by SenseTime and Shanghai Jiao Tong University, was held at the North Building No.4, Xuhui Campus of Shanghai Jiao Tong University. Zhang Shaoting, Deputy Head of Research at SenseTime, Gu Feng, Deputy Secretary of the Party Committee of Shanghai Jiao Tong University, Lü Baoliang, Executive Dean of Qing Yuan Research Institute of Shanghai Jiao Tong University and Professor of the Department of Computer Science and Engineering, and Ji Weidong, Senior Professor of Liberal Arts and Dean of the China Institute for Social-Legal Studies of Shanghai Jiao Tong University, attended and delivered speeches at the inauguration ceremony. Dean Tian Feng and Director Liu Zhiyi of SenseTime Intelligent Industry Research Institute, Ge Yu, Executive Director of SenseTime University Cooperation, Deputy Dean and Professor Cheng Jinhua and Professor Peng Chengxin of the Koguan School of Law, Wang Yingchun, Director of the Science and Social Research Office of Shanghai Institute for Science of Science, Professor Yang Li, Deputy Dean of the China Institute for Social-Legal Studies, and many experts and scholars also attended the ceremony.</p>
<p>The inauguration ceremony was chaired by Wang Houji, Secretary of the Party Committee of the Koguan School of Law of Shanghai Jiao Tong University. Based on the cooperation between Shanghai Jiao Tong University and SenseTime, the Center for Computational Law and AI Ethics Research was jointly established by the China Institute for Social-Legal Studies and the Qing Yuan Research Institute of Shanghai Jiao Tong University, pioneering the “university-enterprise cooperation” model in the field of AI ethics research.</p>
<p>Gu Feng, the university leader of liberal arts, extended congratulations to the successful founding of the Center on behalf of Shanghai Jiao Tong University. Dr. Gu introduced the missions of the China Institute for Social-Legal Studies and the Qing Yuan Research Institute of Shanghai Jiao Tong University as well as the purpose behind the co-founding of the Center. He added that the Center will play a major role in the intelligent development of complex systems, the computerization of legal reasoning, resolving the ethical dilemmas in data and algorithms, and the development of the digital economy and the rule of law, and will also blaze a new path for the research and education of the University’s law disciplines and for the integration of arts and sciences.</p>
<p>Lü Baoliang delivered a speech on behalf of the Qing Yuan Research Institute. He expressed that the Qing Yuan Research Institute aims to promote interdisciplinary research and the cultivation of top talents in the field of artificial intelligence, with its focus on fundamental theory innovation and key technology research and development, as well as the improvement of AI capabilities and industrial development. With the cooperation of the China Institute for Social-Legal Studies, the Center will make outstanding contributions to the application of AI technology in the field of law and the rapid technological innovation in emerging computing systems.</p>
<p>Ji Weidong delivered a speech on behalf of the China Institute for Social-Legal Studies. He expressed that as a university-level interdisciplinary platform, the Institute has always been active in the academic frontiers of China and the world, with computational law, tech ethics, and the interactive relationship between individual behaviors and code frameworks in cyberspace as its research focuses. He hoped that with the strong support of SenseTime and cooperation with the Qing Yuan Research Institute, a high-level platform for industry-education-research cooperation can be built to promote the innovation of the legal knowledge system and facilitate the mutual promotion and development of social science and computer science.</p>
<p>Zhang Shaoting delivered a speech on behalf of SenseTime. He expressed that SenseTime will provide strong support as a co-founder of this Center and sincerely hoped that the Center will achieve the expected goals and form a working mechanism that integrates production, education and research. It can grow into a country-leading and internationally renowned academic center and high-end think tank in the research and development of emerging computer systems, the construction of an intelligent ecosystem, rulemaking for digital economy, and AI legislation.</p>
<p>Executive Dean Lü Baoliang and Dean Ji Weidong signed the Agreement on Sustainable Cooperation on behalf of their respective side. Zhang Shaoting, Lü Baoliang, Gu Feng, Wang Houji, Ji Weidong, and Wang Yingchun unveiled the plaque of the Center.</p>
<h3>Commemorative Seminar on the Values and Law of Artificial Intelligence</h3>
<p>At the seminar following the inauguration ceremony, Wang Yingchun, Director of the Science and Social Research Office of Shanghai Institute for Science of Science, delivered a keynote speech entitled “Technological Society 3.0 and the Transformation of Governance Paradigms from the Perspective of Artificial Intelligence”, which analyzed the trend of AI global governance and proposed a development concept based on the core competitiveness of “technology + rules”. Tian Feng, Dean of SenseTime Intelligent Industry Research Institute and Co-Director of the Center for Computational Law and AI Ethics Research, shared his views on the societal challenges of “AI responsibilities and rights”, proposed the “AI ethics triangle”, and offered insights on topics such as the social responsibilities of AI companies. Yang Li, Deputy Dean of the China Institute for Social-Legal Studies of Shanghai Jiao Tong University, Tenured Professor at the Koguan School of Law and Director of the Center for Legal Big Data Analysis, discussed the basic forms of digital transformation and digital rule of law, and pointed out implementation challenges in the context of digital transformation, and proposed the data governance development principle of “two-wheel drive” – technology and law.</p>
<p>In the second half of the seminar, dozens of scholars and experts from SenseTime Intelligent Industry Research Institute, the Koguan School of Law, and the China Institute for Social-Legal Studies of Shanghai Jiao Tong University, joined the panel discussion over topics including smart justice, big data governance, and the legal attributes of data, and debated on the role and influence of emerging technologies such as artificial intelligence and big data in the governance of ethical risks.</p>""",
                    """<h2>University-Enterprise Cooperation – A New Paradigm in Science and Technology Ethics Research</h2>
<p>Since 2019, the Ministry of Science and Technology has vigorously promoted the development of industry-education-research collaborative innovation with enterprises as the main body, as stated in documents such as “the Overall Plan on Promoting the Construction of the National Technology Innovation Center” and “the Notice on Accelerating the Construction and Development of the National Demonstration Zone for Scientific and Technological Achievements Transfer and Commercialization”. Promoting this collaborative innovation system not only improves the commercialization and industrialization of scientific and technological achievements, but also plays a reciprocating role to help the academic community come in contact with frontier industrial challenges and consider the complex and real social environment in research. This is especially true of AI ethics research. On the one hand, as a disruptive technology, artificial intelligence is still at the initial stage of exploration, thus traditional tech supervision practices may not apply to many emerging applications of AI; and in order to consider the impact of its future large-scale social applications, forward-looking predictions and governance must be made from the multiple perspectives of philosophy, law, computer science, sociology, and business. On the other hand, ethics research focuses on the laws of morality, and AI ethics needs to be specifically practiced under certain social environment, cultural context, and legal basis where the application is made. Therefore, through the university-enterprise cooperation model, besides theoretical construction, we can observe the social impact of technology under real-world application scenarios, draw insights and feedback from the bottom-up, and improve the new paradigm of AI ethical governance.</p>
<p>The China Institute for Social-Legal Studies of Shanghai Jiao Tong University has abundant academic resources and strong interdisciplinary research teams, with profound achievements in the fields of risk society and complex system theory, comparative institutional analysis of big data governance and artificial intelligence governance, and smart justice. While the Qing Yuan Research Institute, based on the strong technical advantages and rich industry experience of SenseTime, focuses on AI development and industrial research with the aim to explore new scientific and technological paradigms based on the concept of sustainable development. The Center for Computational Law and AI Ethics Research, jointly established by these two institutes, will integrate theoretical research and practical experience and blaze new trails in the frontier field of AI governance, delivering significant influence and academic value to international academia and the AI industry.</p>
<p>In the future, the Center will focus on collaborative research on AI ethics, digital urban and social governance, computational law, cognitive science and legal behavior, smart justice and other related fields, including but not limited to research into the principles, regulations, policies, and technical specifications related to big data and artificial intelligence, and cognitive science and legal behavior experiments, construct knowledge graphs on related issues, submit research reports, undertake government projects, and publish papers and monographs. The Center, with the support of Shanghai National New-Generation AI Innovation &amp; Development Pilot Zone, hopes to further build an ethics and governance research highland for big data and AI, play the role of a think tank, and work together with big data and AI enterprises in the Yangtze River Delta region to build a knowledge graph of smart cities and smart justice and a regulation system for AIoT network governance. The Center will also cooperate with the Faculty of Science and Technology of Shanghai Jiao Tong University to carry out teaching programs in law and social science that integrate liberal arts and science, and cultivate comprehensive talents in artificial intelligence, big data governance, science and technology, legal and other related fields.</p>""",
                    """<h2>AI Ethics Research Needs the Help of An Ecosystem</h2>
<p>SenseTime, as the corporate sponsor of the Center and an AI company, is aware of the uncertainties and risks that may be brought about by technological development while promoting its scientific and technological achievements. For many years, SenseTime has been dedicated to the field of AI ethics. In addition to its cooperation with Shanghai Jiao Tong University in co-founding this Center, SenseTime, as a representative of computer vision enterprises, was selected as a member of the First National Standardization Organization for Artificial Intelligence and participated in AI risk management and the formulation of governance standards. SenseTime is also a leader unit under the National Working Group of Facial Recognition. The preparation of the Technical Requirements for Information Technology, Biometric Recognition and Facial Recognition Systems, with SenseTime as the chief editor, has been formally approved as a project.</p>
<p>At the First “AI Sustainable Development 2030 Forum” held in June of last year, SenseTime Intelligent Industry Research Institute released the whitepaper “Code of Ethics for AI Sustainable Development” in response to the United Nations Sustainable Development Goals. The Whitepaper proposed the concept of AI sustainable development with “respect for consultation and an inclusive culture” as its core, and the four AI development concepts of people-oriented, benefits for the people, integrated development and innovation through scientific research, which further falls into the four development principles of ethics, benefiting the people, industrial integration, and credibility. These concepts also align with SenseTime’s core corporate vision of “AI for a better tomorrow” and are reflected in its business layout in “AI healthcare”, “AI education”, “AI smart city” and other aspects.</p>
<p>Regarding ideas on the construction of an ethical research ecosystem, Tian Feng, Dean of SenseTime Intelligent Industry Research Institute and keynote speaker at the Ceremony, once proposed an original pyramid theory. The theory is guided by the vision of “sustainable AI” and illustrates more specific principles which serves as a strategic business guide for the company, facilitate the contribution to sustainable development research externally, and conduct risk and safety management internally. At the practical level, it is reflected in the organizational structure of the company’s internal Committee of AI Ethics and its Data Security Department, as well as its participation in AI security-related whitepapers, and the offering of suggestions and comments for national and industry standards.</p>
<p>The co-founding of the Center for Computational Law and AI Ethics Research with Shanghai Jiao Tong University also follows the primary concept of SenseTime’s ethical ecosystem construction. Through cooperation with universities, we can gather rich academic resources, and, through the in-depth integration of industrial experience, deepen AI-related ethical research, thereby promoting the innovation of the smart technology governance model, carrying forward the core development concept of “sustainable AI”, and ultimately creating positive social benefits and benefiting the general public.</p>""",
                    """<h2>AI Companies Fulfill Their Social Responsibilities</h2>
<p>Corporate social responsibility doesn’t simply mean showcasing achievements to the public. If we want to make substantial contributions to society, only by embedding “goodness” in the company’s development concept, can we make an impact from top-down, which can then be reflected in actual measures. At the same time, as industry leaders, we must take the lead and act as role models. With regard to the governance issues of emerging technologies, industrial giants should lead application and have a deeper understanding of the risks involved in these technologies. Therefore, we should actively mobilize the industry as a whole, and form industry self-regulation when the legal framework is still in the initial stage, and at the same time, provide valuable insights for academics and supervision through policy proposal, research collaboration and other measures.</p>
<p>The cooperation over this Center with Shanghai Jiao Tong University is another practice of SenseTime’s ethics research and ecosystem construction concept. In the future, we hope that more companies from the AI industry will carry out the “university-enterprise cooperation” model, constantly gain experience from cutting-edge applications, utilize interdisciplinary knowledge to build and refine the theoretical framework, and continuously improve AI Governance, an inevitable social issue.</p>""",
                ],
                "zh-hans": [
                    """<p>为促进新一代人工智能健康发展，商汤科技成立了AI伦理与治理委员会，并发布了《人工智能可持续发展道德规范》。</p>
<h2>校企携手共促AI伦理研究——商汤科技与上海交通大学共建计算法学与AI伦理研究中心</h2>
<p>早在1942年，著名科幻作家艾萨克·阿西莫夫就在作品《环舞》中提出了著名的“机器人三定律”。未来科技的发展随时可能颠覆社会。面对这种不确定性，人类一直在积极探索科技与人性的交汇之处，尝试理解社会与技术之间的关系，追问人类命运共同体的核心价值，并围绕机器人伦理与人工智能伦理展开深入讨论。</p>
<p>近年来，人工智能技术已广泛应用于社会各个领域，随之而来的是这项新技术所带来的伦理挑战与风险。去年10月成立的国家科技伦理委员会，旨在推动构建覆盖全面、导向明确、规范有序、协调一致的科技伦理治理体系。人工智能作为一项新兴而复杂的技术，无法以传统的研究经验和范式加以解读，而需要不同学科、不同领域的专家结合实践经验与学术争鸣共同探讨。</p>""",
                    """<div class="laws">
<h2>机器人三定律</h2>
<ol start="0">
<li><strong>第零定律：</strong>机器人不得伤害人类整体，也不得因不作为而使人类整体受到伤害。</li>
<li><strong>第一定律：</strong>机器人不得伤害人类个体，也不得因不作为而使人类个体受到伤害。</li>
<li><strong>第二定律：</strong>机器人必须服从人类下达的命令，除非该命令与第一定律相冲突。</li>
<li><strong>第三定律：</strong>在不违反第一定律或第二定律的前提下，机器人必须保护自身的存在。</li>
</ol>
<p>艾萨克·阿西莫夫在1942年的短篇小说《环舞》中首次提出机器人三定律，第零定律则是他在后来的作品中补充的。</p>
</div>""",
                    """<h2>成立仪式</h2>
<p>3月26日上午，由商汤科技与上海交通大学共同主办的“上海交通大学计算法学与AI伦理研究中心成立仪式暨人工智能的价值与法律纪念研讨会”在上海交通大学徐汇校区北四号楼举行。商汤科技研究院副院长张少霆，上海交通大学党委副书记顾锋，上海交通大学清源研究院执行院长、计算机科学与工程系教授吕宝粮，上海交通大学文科资深教授、中国法与社会研究院院长季卫东出席成立仪式并致辞。商汤智能产业研究院院长田丰、主任刘志毅，商汤科技高校合作执行总监Ge Yu，凯原法学院副院长程金华教授、彭诚信教授，上海市科学学研究所科学与社会研究室主任王迎春，中国法与社会研究院副院长杨力教授等众多专家学者也出席了仪式。</p>
<p>成立仪式由上海交通大学凯原法学院党委书记汪后继主持。在上海交通大学与商汤科技合作的基础上，计算法学与AI伦理研究中心由上海交通大学中国法与社会研究院与清源研究院共同成立，开创了AI伦理研究领域的“校企合作”模式。</p>
<p>分管文科工作的校领导顾锋代表上海交通大学对中心的成功成立表示祝贺。他介绍了上海交通大学中国法与社会研究院和清源研究院的使命，以及共建中心的初衷。他表示，中心将在复杂系统的智能化发展、法律推理的计算化、破解数据与算法的伦理困境、数字经济与法治发展等方面发挥重要作用，也将为学校法学学科的研究与教育以及文理融合开辟一条新路。</p>
<p>吕宝粮代表清源研究院致辞。他表示，清源研究院致力于推动人工智能领域的交叉学科研究和拔尖人才培养，聚焦基础理论创新与关键技术研发，以及人工智能能力提升与产业发展。通过与中国法与社会研究院的合作，中心将在人工智能技术的法律领域应用以及新兴计算系统的快速技术创新方面做出突出贡献。</p>
<p>季卫东代表中国法与社会研究院致辞。他表示，研究院作为校级交叉学科平台，始终活跃在国内外学术前沿，以计算法学、科技伦理以及网络空间中个人行为与代码框架之间的互动关系为研究重点。他希望在商汤科技的大力支持下，通过与清源研究院的合作，搭建高水平的产学研合作平台，推动法学知识体系创新，促进社会科学与计算机科学相互促进、共同发展。</p>
<p>张少霆代表商汤科技致辞。他表示，商汤科技作为中心的共建方将提供有力支持，衷心希望中心实现预期目标，形成产学研一体化的工作机制，在新兴计算机系统研发、智能生态建设、数字经济规则制定和人工智能立法等方面，成长为国内领先、国际知名的学术中心和高端智库。</p>
<p>吕宝粮执行院长与季卫东院长代表双方签署了《可持续合作协议》。张少霆、吕宝粮、顾锋、汪后继、季卫东、王迎春共同为中心揭牌。</p>
<h3>“人工智能的价值与法律”纪念研讨会</h3>
<p>在成立仪式后举行的研讨会上，上海市科学学研究所科学与社会研究室主任王迎春作了题为《人工智能视角下的技术社会3.0与治理范式转型》的主旨演讲，分析了人工智能全球治理的趋势，并提出以“技术+规则”为核心竞争力的发展理念。商汤智能产业研究院院长、计算法学与AI伦理研究中心联合主任田丰围绕“AI的责任与权利”这一社会挑战分享了观点，提出了“AI伦理三角”，并就AI企业的社会责任等话题发表了见解。上海交通大学中国法与社会研究院副院长、凯原法学院长聘教授、法律大数据分析中心主任杨力探讨了数字化转型与数字法治的基本形态，指出了数字化转型背景下的实施难题，并提出了技术与法律“双轮驱动”的数据治理发展原则。</p>
<p>研讨会下半场，来自商汤智能产业研究院、上海交通大学凯原法学院和中国法与社会研究院的数十位专家学者，围绕智慧司法、大数据治理、数据的法律属性等议题展开圆桌讨论，并就人工智能、大数据等新兴技术在伦理风险治理中的作用与影响进行了深入探讨。</p>""",
                    """<h2>校企合作——科技伦理研究的新范式</h2>
<p>自2019年以来，科技部在《关于推进国家技术创新中心建设的总体方案》《关于加快推动国家科技成果转移转化示范区建设发展的通知》等文件中，大力推动以企业为主体的产学研协同创新发展。推进这一协同创新体系，不仅能够提升科技成果的转化和产业化水平，还能反哺学术界，帮助学界接触产业前沿挑战，在研究中考虑复杂而真实的社会环境。这一点在AI伦理研究中尤为明显。一方面，人工智能作为一项颠覆性技术，仍处于探索的初始阶段，传统的科技监管做法未必适用于许多新兴的AI应用；为考量其未来大规模社会应用的影响，必须从哲学、法学、计算机科学、社会学和商业等多重视角进行前瞻性的预测与治理。另一方面，伦理研究关注的是道德规律，而AI伦理需要在应用所处的特定社会环境、文化语境和法律基础之下具体实践。因此，通过校企合作模式，除理论构建之外，我们还能够在真实的应用场景中观察技术的社会影响，自下而上地汲取洞见与反馈，完善AI伦理治理的新范式。</p>
<p>上海交通大学中国法与社会研究院拥有丰富的学术资源和强大的跨学科研究团队，在风险社会与复杂系统理论、大数据治理与人工智能治理的比较制度分析、智慧司法等领域成果深厚。而清源研究院依托商汤科技雄厚的技术优势和丰富的产业经验，专注于人工智能发展与产业研究，致力于以可持续发展理念探索新的科技范式。由两院共建的计算法学与AI伦理研究中心将融合理论研究与实践经验，在AI治理这一前沿领域开拓新路，为国际学术界和人工智能产业带来重要影响和学术价值。</p>
<p>未来，中心将聚焦AI伦理、数字城市与社会治理、计算法学、认知科学与法律行为、智慧司法等相关领域开展合作研究，包括但不限于：研究大数据与人工智能相关的原则、法规、政策和技术规范，开展认知科学与法律行为实验，构建相关问题的知识图谱，提交研究报告，承接政府课题，发表论文和出版专著。中心希望依托上海国家新一代人工智能创新发展试验区，进一步打造大数据与人工智能伦理及治理研究高地，发挥智库作用，携手长三角地区的大数据与人工智能企业，共建智慧城市与智慧司法知识图谱以及AIoT网络治理规则体系。中心还将与上海交通大学理工科院系合作，开展文理融合的法学与社会科学教学项目，培养人工智能、大数据治理、科技、法律等相关领域的复合型人才。</p>""",
                    """<h2>AI伦理研究需要生态的助力</h2>
<p>商汤科技作为中心的企业支持方和一家人工智能企业，在推动科技成果落地的同时，也清醒地认识到技术发展可能带来的不确定性与风险。多年来，商汤科技一直深耕AI伦理领域。除与上海交通大学共建本中心外，商汤科技还作为计算机视觉企业代表，入选首届国家人工智能标准化总体组成员，参与AI风险管理及治理标准的制定。商汤科技也是全国人脸识别工作组的组长单位，由其担任主编的《信息技术 生物特征识别 人脸识别系统技术要求》已正式立项。</p>
<p>在去年6月举办的首届“AI可持续发展2030论坛”上，商汤智能产业研究院响应联合国可持续发展目标，发布了白皮书《人工智能可持续发展道德规范》。白皮书提出了以“尊重协商、包容文化”为核心的AI可持续发展理念，以及以人为本、普惠于民、融合发展、科研创新四大AI发展理念，并进一步细化为伦理、惠民、产业融合、可信四项发展原则。这些理念也与商汤科技“AI让明天更美好”的企业核心愿景相契合，并体现在其“AI医疗”“AI教育”“AI智慧城市”等业务布局之中。</p>
<p>在伦理研究生态建设的思路上，商汤智能产业研究院院长、本次仪式的主旨演讲嘉宾田丰曾提出原创的“金字塔理论”。该理论以“可持续AI”愿景为指引，并阐述了更为具体的原则：这些原则既是公司的战略业务指引，也对外助力可持续发展研究，对内开展风险与安全管理。在实践层面，这一理论体现在公司内部AI伦理委员会和数据安全部门的组织架构上，也体现在公司参与AI安全相关白皮书的编写，以及为国家和行业标准提供意见建议等方面。</p>
<p>与上海交通大学共建计算法学与AI伦理研究中心，同样遵循商汤科技伦理生态建设的首要理念。通过与高校合作，我们能够汇聚丰富的学术资源，并通过与产业经验的深度融合，深化AI相关伦理研究，从而推动智能科技治理模式的创新，践行“可持续AI”的核心发展理念，最终创造积极的社会效益，惠及广大公众。</p>""",
                    """<h2>AI企业履行社会责任</h2>
<p>企业社会责任并不只是向公众展示成绩。若想为社会做出实质性贡献，唯有将“向善”融入企业的发展理念，才能自上而下地产生影响，并落实为具体举措。同时，作为行业领军者，我们必须率先垂范、以身作则。面对新兴技术的治理问题，行业巨头应当引领应用，更深入地理解这些技术所蕴含的风险。因此，我们应积极带动整个行业，在法律框架尚处于起步阶段时形成行业自律，同时通过政策建议、研究合作等方式，为学术研究和监管提供有价值的见解。</p>
<p>与上海交通大学合作共建本中心，是商汤科技伦理研究与生态建设理念的又一次实践。未来，我们希望人工智能行业有更多企业开展“校企合作”模式，不断从前沿应用中积累经验，运用跨学科知识构建并完善理论框架，持续改进AI治理这一不可回避的社会议题。</p>""",
                ],
            },
            # "sidebar" gets the ceremony's event card (center/site/demo/showcase.py).
        },
    },
    # ------------------------------------------------------------------ news
    {
        "reverse_id": "news",
        "parent": None,
        "template": "cms/one_column.html",
        "in_navigation": True,
        "titles": {
            "en": {
                "title": "News",
                "slug": "news",
                "menu_title": "News",
                "meta_description": (
                    "News from the Center for Computational Law and AI Ethics Research: "
                    "announcements, research reports and event coverage."
                ),
            },
            "zh-hans": {
                "title": "新闻",
                "slug": "news",
                "menu_title": "新闻",
                "meta_description": "计算法学与AI伦理研究中心新闻：中心公告、研究报告与活动报道。",
            },
        },
        "placeholders": {
            "content": {
                "en": [
                    """<p>News from the Center: announcements, research reports and coverage of our ceremonies, seminars and panel discussions on AI ethics and computational law.</p>""",
                ],
                "zh-hans": [
                    """<p>中心动态尽在此处：中心公告、研究报告，以及有关AI伦理与计算法学的成立仪式、研讨会和圆桌讨论报道。</p>""",
                ],
            },
        },
    },
    # ---------------------------------------------------------------- events
    {
        "reverse_id": "events",
        "parent": None,
        "template": "cms/one_column.html",
        "in_navigation": True,
        "titles": {
            "en": {
                "title": "Events",
                "slug": "events",
                "menu_title": "Events",
                "meta_description": (
                    "Seminars, lectures and dialogues on AI ethics, data governance and "
                    "computational law organised by the Center."
                ),
            },
            "zh-hans": {
                "title": "活动",
                "slug": "events",
                "menu_title": "活动",
                "meta_description": "中心举办的AI伦理、数据治理与计算法学研讨会、讲座与对话活动。",
            },
        },
        "placeholders": {
            "content": {
                "en": [
                    """<p>Seminars, lectures and dialogues organised by the Center on AI ethics, data governance and computational law, with dates, venues and how to take part.</p>""",
                ],
                "zh-hans": [
                    """<p>这里汇集中心举办的AI伦理、数据治理与计算法学研讨会、讲座和对话活动，并提供时间、地点及参与方式。</p>""",
                ],
            },
        },
    },
    # -------------------------------------------------------------- speakers
    {
        "reverse_id": "speakers",
        "parent": None,
        "template": "cms/one_column.html",
        "in_navigation": True,
        "titles": {
            "en": {
                "title": "Speakers",
                "slug": "speakers",
                "menu_title": "Speakers",
                "meta_description": (
                    "Scholars, experts and industry practitioners who speak at the Center’s "
                    "ceremonies, seminars and panel discussions."
                ),
            },
            "zh-hans": {
                "title": "演讲嘉宾",
                "slug": "speakers",
                "menu_title": "演讲嘉宾",
                "meta_description": "在中心仪式、研讨会和圆桌讨论上发言的学者、专家与业界人士。",
            },
        },
        "placeholders": {
            "content": {
                "en": [
                    """<p>Meet the scholars, experts and industry practitioners who speak at the Center’s ceremonies, seminars and panel discussions, with short biographies and the topics of their talks.</p>""",
                ],
                "zh-hans": [
                    """<p>在这里认识在中心成立仪式、研讨会和圆桌讨论上发言的学者、专家与业界人士，了解他们的简介及演讲主题。</p>""",
                ],
            },
        },
    },
    # ----------------------------------------------------------- whitepapers
    {
        "reverse_id": "whitepapers",
        "parent": None,
        "template": "cms/one_column.html",
        "in_navigation": True,
        "titles": {
            "en": {
                "title": "Whitepapers",
                "slug": "whitepapers",
                "menu_title": "Whitepapers",
                "meta_description": (
                    "Whitepapers and research reports on AI ethics, AI governance, data "
                    "governance and computational law."
                ),
            },
            "zh-hans": {
                "title": "白皮书",
                "slug": "whitepapers",
                "menu_title": "白皮书",
                "meta_description": "关于AI伦理、人工智能治理、数据治理与计算法学的白皮书和研究报告。",
            },
        },
        "placeholders": {
            "content": {
                "en": [
                    """<p>Whitepapers and research reports by the Center and its partners on AI ethics, AI governance, data governance and computational law, each with a short summary of its findings.</p>""",
                ],
                "zh-hans": [
                    """<p>这里收录中心及其合作伙伴关于AI伦理、人工智能治理、数据治理与计算法学的白皮书和研究报告，并附有各份成果的简要概述。</p>""",
                ],
            },
        },
    },
    # -------------------------------------------------------- code-of-ethics
    {
        "reverse_id": "code-of-ethics",
        "parent": None,
        "template": "cms/one_column.html",
        "in_navigation": True,
        "titles": {
            "en": {
                "title": "Code of Ethics",
                "slug": "code-of-ethics",
                "menu_title": "Code of Ethics",
                "meta_description": (
                    "The Code of Ethics for AI Sustainable Development and its principles: "
                    "ethics, benefiting the people, industrial integration and credibility."
                ),
            },
            "zh-hans": {
                "title": "伦理准则",
                "slug": "code-of-ethics",
                "menu_title": "伦理准则",
                "meta_description": "《人工智能可持续发展道德规范》及其伦理、惠民、产业融合、可信四项发展原则。",
            },
        },
        "placeholders": {
            "content": {
                "en": [
                    """<p>This page presents the “Code of Ethics for AI Sustainable Development”, the whitepaper released by SenseTime Intelligent Industry Research Institute, and explains its four development principles: ethics, benefiting the people, industrial integration, and credibility.</p>""",
                ],
                "zh-hans": [
                    """<p>本页介绍商汤智能产业研究院发布的白皮书《人工智能可持续发展道德规范》，并解读其伦理、惠民、产业融合与可信四项发展原则。</p>""",
                ],
            },
        },
    },
    # ------------------------------------------------------------ newsletter
    {
        "reverse_id": "newsletter",
        "parent": None,
        "template": "cms/one_column.html",
        "in_navigation": False,
        "titles": {
            "en": {
                "title": "Newsletter",
                "slug": "newsletter",
                "menu_title": "Newsletter",
                "meta_description": (
                    "Sign up for the Center’s newsletter: news, events and new papers by email, "
                    "about once a month."
                ),
            },
            "zh-hans": {
                "title": "新闻通讯",
                "slug": "newsletter",
                "menu_title": "新闻通讯",
                "meta_description": "订阅中心新闻通讯，约每月一期，通过电子邮件获取新闻、活动和最新论文。",
            },
        },
        "placeholders": {
            "content": {
                "en": [
                    """<p>Subscribe to the Center’s newsletter to receive our news, upcoming events and new papers by email, about once a month.</p>""",
                ],
                "zh-hans": [
                    """<p>订阅中心新闻通讯，约每月一期，通过电子邮件获取中心新闻、近期活动预告和最新论文。</p>""",
                ],
            },
        },
    },
    # ------------------------------------------------------- apply-for-trial
    {
        "reverse_id": "apply-for-trial",
        "parent": None,
        "template": "cms/one_column.html",
        "in_navigation": False,
        "titles": {
            "en": {
                "title": "Apply for Trial",
                "slug": "apply-for-trial",
                "menu_title": "Apply for Trial",
                "meta_description": (
                    "Organisations can apply to trial the AI products of the Center’s partner "
                    "SenseTime, used responsibly."
                ),
            },
            "zh-hans": {
                "title": "申请试用",
                "slug": "apply-for-trial",
                "menu_title": "申请试用",
                "meta_description": "机构可在此申请以负责任的方式试用中心合作伙伴商汤科技的人工智能产品。",
            },
        },
        "placeholders": {
            "content": {
                "en": [
                    """<p>Organisations can apply here to trial the AI products of the Center’s partner, SenseTime. Because every trial should be responsible, the application asks how your organisation intends to use the products, for what purpose, and how the people affected will be protected.</p>""",
                ],
                "zh-hans": [
                    """<p>各类机构可在此申请试用中心合作伙伴商汤科技的人工智能产品。为确保每一次试用都负责任，申请时需要说明贵机构打算如何使用这些产品、用于何种目的，以及将如何保护受影响人群的权益。</p>""",
                ],
            },
        },
    },
    *TRUST_PAGES,
]
