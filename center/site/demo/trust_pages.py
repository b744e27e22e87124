"""Demo pages the footer links to: the privacy notice and the accessibility statement,
in both languages. Same shape as ``pages.PAGES``."""

TRUST_PAGES = [
    # ---------------------------------------------------------------- privacy
    {
        "reverse_id": "privacy",
        "parent": None,
        "template": "cms/one_column.html",
        "in_navigation": False,
        "titles": {
            "en": {
                "title": "Privacy notice",
                "slug": "privacy",
                "menu_title": "Privacy notice",
                "meta_description": (
                    "What personal data the Center’s website collects, why, how long it is "
                    "kept and how to reach us about it."
                ),
            },
            "zh-hans": {
                "title": "隐私声明",
                "slug": "privacy",
                "menu_title": "隐私声明",
                "meta_description": "本网站收集哪些个人信息、用途、保存期限以及如何就此联系我们。",
            },
        },
        "placeholders": {
            "content": {
                "en": [
                    """<p>This notice explains what the website of the Center for Computational Law and AI Ethics Research collects about you and why. Reading the site needs no account and sets no tracking cookies.</p>
<h2>Newsletter</h2>
<p>If you sign up, we keep your email address, your preferred language and topics, and a record of your consent (time, IP address and browser). We use them only to send you the newsletter. Every email has a link to unsubscribe at once or to change your choices.</p>
<h2>Apply for Trial</h2>
<p>If your organisation applies to trial a product, we keep what you enter in the form so that the Center can review the application and reply to you. The form shows the version of the trial privacy notice in force when you apply, and we record which version you accepted.</p>
<h2>Your rights and contact</h2>
<p>You may ask to see, correct or delete your data at any time. Write to the Center at North Building No.4, Xuhui Campus, Shanghai Jiao Tong University, Shanghai.</p>""",
                ],
                "zh-hans": [
                    """<p>本声明说明计算法学与AI伦理研究中心网站收集哪些关于您的信息以及收集的原因。浏览本网站无需账户，也不设置任何跟踪类 Cookie。</p>
<h2>新闻通讯</h2>
<p>如您订阅新闻通讯，我们将保存您的电子邮件地址、首选语言和主题，以及您同意订阅的记录（时间、IP 地址和浏览器）。这些信息仅用于向您发送新闻通讯。每封邮件都附有链接，可随时退订或更改选择。</p>
<h2>申请试用</h2>
<p>如贵机构申请试用产品，我们将保存您在表单中填写的内容，以便中心审核申请并答复您。表单会显示申请时有效的试用隐私声明版本，我们会记录您所同意的版本。</p>
<h2>您的权利与联系方式</h2>
<p>您可随时要求查阅、更正或删除您的信息。请致函：上海交通大学徐汇校区北楼4号，计算法学与AI伦理研究中心。</p>""",
                ],
            },
        },
    },
    # ---------------------------------------------------------- accessibility
    {
        "reverse_id": "accessibility",
        "parent": None,
        "template": "cms/one_column.html",
        "in_navigation": False,
        "titles": {
            "en": {
                "title": "Accessibility statement",
                "slug": "accessibility",
                "menu_title": "Accessibility",
                "meta_description": (
                    "The accessibility standard the Center’s website aims for, how it is "
                    "tested and how to report a problem."
                ),
            },
            "zh-hans": {
                "title": "无障碍声明",
                "slug": "accessibility",
                "menu_title": "无障碍",
                "meta_description": "本网站遵循的无障碍标准、测试方法以及如何报告问题。",
            },
        },
        "placeholders": {
            "content": {
                "en": [
                    """<p>We want everyone to be able to read the Center’s work and take part in its events, whatever device or assistive technology they use.</p>
<h2>The standard we aim for</h2>
<p>This website aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA, in English and in Simplified Chinese.</p>
<h2>How we test it</h2>
<ul>
<li>Every public page is checked automatically with axe-core, in both languages, at desktop and phone widths, each time the site changes.</li>
<li>We use the site with the keyboard alone: every link, menu and form can be reached and used, and the focus is always visible.</li>
<li>Forms explain each error beside its field and in a summary at the top, and work without JavaScript.</li>
</ul>
<h2>Known limits</h2>
<p>Some older whitepapers are PDF files that may not be fully accessible. Ask us and we will send the text in another format.</p>
<h2>Report a problem</h2>
<p>If something on this site is hard to use, please tell us which page and what happened. Write to the Center at North Building No.4, Xuhui Campus, Shanghai Jiao Tong University, Shanghai. We aim to reply within ten working days.</p>""",
                ],
                "zh-hans": [
                    """<p>我们希望每个人——无论使用何种设备或辅助技术——都能阅读中心的成果并参加中心的活动。</p>
<h2>遵循的标准</h2>
<p>本网站的中英文版本均以符合《Web 内容无障碍指南》（WCAG）2.2 AA 级为目标。</p>
<h2>测试方法</h2>
<ul>
<li>每次网站更新时，我们都会使用 axe-core 对所有公开页面进行自动检查，覆盖中英文两种语言以及桌面端和手机端宽度。</li>
<li>我们仅用键盘操作网站：所有链接、菜单和表单均可到达和使用，焦点始终清晰可见。</li>
<li>表单会在出错的字段旁及页面顶部的摘要中说明每一处错误，且无需 JavaScript 即可使用。</li>
</ul>
<h2>已知的不足</h2>
<p>部分较早的白皮书为 PDF 文件，可能无法完全无障碍访问。如有需要，请联系我们，我们将以其他格式提供文本。</p>
<h2>报告问题</h2>
<p>如果您在使用本网站时遇到困难，请告诉我们具体页面和遇到的情况。请致函：上海交通大学徐汇校区北楼4号，计算法学与AI伦理研究中心。我们力争在十个工作日内答复。</p>""",
                ],
            },
        },
    },
]
