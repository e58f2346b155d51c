# ruff: noqa: E501
"""The seed posts' text, carried verbatim from the original site.

Light markup for `essays.demo`: paragraphs are separated by blank lines; “## ” starts a
heading, “> ” a block quote (“-- ” its attribution), “  • ” and “  1. ” list items,
and a “[table]” paragraph holds rows of cells separated by “ | ”, the first a header;
“**” around a cell sets it in bold.
"""

GOVE = """\
Education Secretary Michael Gove has unveiled “rigorous selection” tests for trainee teachers in a move he claims will improve the status of the profession and raise standards in the classroom. It’s a pity his own approach to policymaking doesn’t live up to the same standards he’s asking of teachers.

Announcing the policy, Michael Gove said: “The evidence from around the world is clear – rigorous selection of trainee teachers is key to raising the quality and standing of the teaching profession.” Despite an apparent inconsistency with previous announcements – in July Gove declared that, like their private counterparts and free schools, academies in England could employ people who are not working towards qualified teacher status (QTS) – at least this policy was based on evidence and developed by a review group of headteachers and education experts. For many of his other reforms, Michael Gove seems to make policy in secret, ignore what teachers and other experts think, and go against the best available evidence.

For example:

Michael Gove’s colleagues have committed the Government to open policy making as well as open government. The Civil Service Reform White Paper published in June 2012 contained a commitment announced that: “Open policy making will become the default. Whitehall does not have a monopoly on policy making expertise. We will establish a clear model of open policy making.” Our project with The Democratic Society is currently examining how open policy making can be made a reality.

The Government has also promoted the evidence agenda, and is considering the case for new institutions that would perform an advisory role similar to the role that NICE plays for the NHS and the Early Intervention Foundation does for early years, to help ensure commissioners in central or local government do not waste time and money on programmes that are unlikely to be effective.

No-one seems to have told Michael Gove about either of these initiatives. No wonder teachers are starting to make their own education policy.
"""

CONSULTATION = """\
Is consultation broken – or is it our political system? Consultation seems to have become the lightening rod for general discontents about politics and policymaking. Let’s improve consultation  but let’s also rethink how we do policy and politics at the same time.

In the Open Policy project with the Democratic Society in association with the Cabinet Office, we’re exploring what ‘open policymaking’ means in practice, and how we make it effective and democratic. But we’re starting the project in consultation – what works, what doesn’t, and how it can be improved.

A widely held view of consultation is that it is a sop – an exercise that governments are legally required to undertake but which rarely changes policies that have already been decided. This might be both broadly true and largely unfair. Consultation is only one mechanism, one particular stage in the policy process; it was never intended as the sole mechanism for engaging ‘the public’, let alone to ensure that policies have a democratic mandate that other parts of the political process have failed to invest in them.

In our previous post for this project we suggested how open policy represents a challenge to consultation. For us, taken to its logical conclusion (to its greatest openness), ‘open policy’ means we need to develop a radically different approach to policy and research. In terms of social policy, this means developing approaches that enable public service practitioners and services users to conduct and engage in research and policy analysis directly. These groups are at the frontline of public services and social issues, and as a result they have practical expertise and experience that could be used to improve social policy, especially to make policy more credible and pragmatic.

Where does this leave today’s approach to consultation? Consultations are often about what government intends to do. It hardly makes sense to complain when government does what it said it intended to (indeed, we commonly criticize government for the opposite). In the case of particularly contentious policies or those that haven’t been sufficiently publicly debated, consultation will never be able to resolve the perceived lack of a public mandate.

As a thought experiment, just imagine a consultation process that was much more ‘open’ – one whereby policy did change dramatically compared to what was originally proposed. The problem immediately becomes apparent: government could in theory find itself in an endless ‘consultation loop’, with each new stage of consultation radically changing the policy in question, to the extent that a new round of consultation would be required to accompany it. Government would never get anything done, and quite rightly this would generate accusations of endless ‘dithering’ and ‘u-turns’ – of being in office but not in power.

In recognition of the devalued nature of consultations and possibly the ‘one-size-fits-all’ manner in which too many consultations are approached, the Government has announced it is moving to a more “proportionate and targeted approach” (this announcement produced what is perhaps the least thrilling headline ever on the BBC News website). The new guidelines recognise the need to “avoid creating unrealistic expectations” by making it clear where policy has been finalised and will not be subject to change as a result of the consultation. This makes sense – much of the criticism directed at consultations stems from unrealistic or inaccurate expectations among respondents. The guidance recommends instead that the objectives of any consultation should be clear, and depend to a great extent on the type of issue and the stage in the policy-making process.

However, the new guidance also risks replicating the current confusion about consultation by advising that: “Engagement should begin early in policy development when the policy is still under consideration and views can genuinely be taken into account.” From a democratic point of view this is unarguable – but the problem is that consultation can’t hope to meet these aspirations. ‘Public consultations’ in most cases aren’t – they don’t reach the public or garner many responses from them. They also aren’t really a form of deliberation; they’re not about policy formulation, rather they are more commonly about policy adjustment. Why be cynical about what should be obvious? Government sometimes makes the mistake of trying to appear as if it is engaged in open policy formulation when it isn’t, but we don’t have to collude in this and then blame government when this turns out not to be the case.

We need new forms of participation for early policy development, and for research, evidence-gathering and analysis. This isn’t and can never be the job of consultation. Unless we create a much clearer distinction between consulting on policies that government intends to enact, and developing new policy agendas where government isn’t sure what should be done, we will see much more of what we call ‘guerilla policy’ – grassroots policy research and development that people and organisations do for themselves without being given ‘permission’ by the policy establishment. There have always been campaigns and protests of course; what’s different now is that people can mobilise, coordinate and share information so much more quickly – including to overturn official policy (or at least severely undermine its credibility). We happen to think that we need more guerilla policy – but we recognise that government might not.

What’s important about this project is that it encompasses how we can improve consultations today, but also how we can develop radical new forms of engagement in  policy tomorrow. The extent of the crisis in democratic legitimacy suggests we need to do both. Sorting out which is which will be crucial to our work. So in the spirit of the exercise, let us know your view – are there aspects of consultation we should retain, or does ‘open policy’ require us to start again with a blank sheet of paper? Comment on this site or on the Open Policy forum for open policymaking and better consultation.
"""

OPEN_POLICY = """\
More than 40 years ago the American sociologist Sherry Arnstein developed the ‘ladder of participation’ to represent the degree of involvement by citizens in decision-making. Arnstein’s levels range from ‘non-participation’ at the bottom of the ladder – at worse, the manipulation of citizens – to ‘citizen power’ and true citizen control at the top. One of the challenges for government today is that many people increasingly agree with Arnstein’s view of consultation as basically a form of tokenism. More positively, Arnstein’s ladder points to the possibility of different forms of engagement that could contribute to a better, more trusting relationship between citizens and government.

The widespread skepticism about consultation reflects a broader context of course – the steady decline in the number of people who say they are engaged and interested in politics and who trust politicians. To its credit, the current Government has recognised the extent of the problem and is trying to do something about it. Its Civil Service Reform White Paper published in June 2012 announced the Government’s commitment to ‘open policy making’, that:

> Open policy making will become the default. Whitehall does not have a monopoly on policy making expertise. We will establish a clear model of open policy making.

Our own project, Guerilla Policy, is about developing a radically different approach to policy and research. We want to develop a way for public service practitioners and services users to conduct research and policy analysis. These groups are at the frontline of public services and social issues, and as a result they have practical expertise and experience that could be used to improve social policy, especially to make policy more credible and pragmatic.

Unsurprisingly then, we agree with the Government that open policy is an idea whose time has come. Policy development has been too closed, to a too narrow set of participants, for too long. We agree with the Government that Whitehall hasn’t got a monopoly on policy expertise, and we’ve made some initial suggestions about the ways in which Government can make open policy a reality, including by making open policy itself an open and transparent agenda and by opening it up to new participants.

One of the challenges facing open policy is the widespread lack of confidence in consultation, and whether the conventional approach to consultation can be improved or needs to be ditched altogether. Two relatively recent examples point to how significant doubts about the authenticity of consultation processes can very quickly translate into very strong reactions against the policies being consulted on.

First example: more than 538,000 people took to social media to protest against the consultation which proposed to sell off England’s forests (this included a major campaign by the online community 38 Degrees). In the face of an avalanche of protest, Caroline Spelman, then Environment Secretary was forced to suspend the consultation and apologized in a statement to the House of Commons for the way it had been handled: “I am sorry. We got his one wrong. We have listened to people’s concerns.”

Second example: earlier this year the Spartacus ‘Responsible Reform’ report was researched, written and promoted by a band of disabled activists who felt that a consultation on welfare reform was being manipulated by the Department for Work and Pensions. The report, based on a rigorous analysis of responses to the Government’s own consultation on reform of Disability Living Allowance, revealed the overwhelming opposition to the Government’s proposed reforms. The report took the social media world by storm, including trending number one on Twitter.

It’s not hard to see why this is happening; research by the Consultation Institute suggests that in only 40 per cent of consultations is it possible to make a clear link from the outcomes back to the responses received. In response, we are witnessing the emergence of new forms of ‘unsanctioned’ citizen consultation and mobilization. There’s always been protest of course, but these citizen-led campaigns, supported by social media and the internet, are increasingly fast-moving, flexible and distributed. We call this ‘guerilla policy’ – citizens stepping into the gap when they think the political establishment is failing to recognize, let alone act on, their views.

Such campaigns are difficult for policymakers to anticipate, and hard for them to respond to. Fundamentally, these campaigns aren’t just calling for different policies in the areas they care about; they’re also calling for a different way of making policy. In this respect, guerilla policy also offers government the possibility of a more positive approach, one that enables citizens to shape and inform policy in a more meaningful way. Social media-supported campaigns have the power to overwhelm consultation processes if the public loses confidence in the integrity of these processes. But social media also potentially offers a cheap and easy way to engage many more citizens to improve policy.

For us, what’s especially missing in consultation (to quote from the Government’s own proposals) is how to “enable policy to reflect the real-world experiences of citizens and harness public engagement with the policy making process.” We’re not suggesting that government delegates its ultimate responsibility for policymaking – for full ‘citizen control’ in Arnstein’s terminology. But the challenge for government – and for the open policy project we’re conducting with DemSoc – is that unless we find new ways to improve how to develop policy such that it reflects the experience and insight of citizens, then citizens will increasingly do this for themselves, working against government rather than with it.

This blog is the first post for our new project, in partnership with The Democratic Society. You can get involved by visiting the discussion space for the project, hosted by DemSoc in association with the Cabinet Office – and of course you can also share your views on this site.
"""

CIVIL_SERVANTS = """\
Over the past couple of weeks we’ve been posting on how various bodies – think tanks, commissioners of public services, and trade bodies – can make better use of social media such as Twitter. In this post we consider how civil servants can use social media in their work – and suggest why many of them aren’t at the moment.

Sir Bob Kerslake, the head of the civil service, has recently been explaining why he sees social media as a vital tool for the civil service and why he’s on Twitter himself (@sirbobkerslake). Kerslake acknowledges that social media is changing the way government works, and says it will have an increasingly important role to play in formulating and delivering government policy. Significantly, he recognises that social media isn’t a ‘one-way’ broadcast medium, rather the civil service should embrace social media as a means of listening to and engaging both with staff and the public at all stages in the policy process. This is a radical and progressive view.

It’s a pity then that the advice government is giving itself fails to reflect this. The Government Digital Service and Home Office recently launched new guidance on social media for civil servants called Lets Get Social [sic]. The first paragraph of the guidance certainly supports Kerslake’s vision: “The Government wants to be part of the conversation; understands that it cannot do everything alone or in isolation and will work with those who can and are willing to help.” Yet most of the guidance’s ‘Ten tips for using social media’ are defensive – they aren’t so much encouragements to experiment with social media, rather warnings not to screw-up:

  1. “Have a clear idea of your objectives in using social media (behaviour change/service delivery/consultation/communication);
  2. Learn the rules of each social media space before engaging;
  3. Abide by the Civil Service Code and ask for advice if you are not sure;
  4. Remember an official account belongs to the Department not the individual;
  5. Communicate where your citizens are;
  6. Build relationships with your stakeholders on and offline – social media is just one of many communication channels;
  7. Try not to channel shift citizens backwards (move from email to telephone for example);
  8. Do not open a channel of communication you cannot maintain;
  9. Understand when a conversation should be taken offline;
  10. Do not engage with users who are aggressive/abusive.”

Of course, government is a sensitive business, and its business needs to be handled sensitively. But advice like this seems more likely to inhibit than inspire civil servants to explore the potential of social media (for a more positive and hopefully encouraging alternative, see our own ‘Five top tips for think tanks in using social media’).

Moreover, as in any organisation it helps if leaders model the behaviours they wish to see in employees. Why then do only six of the civil service’s 38 leaders have Twitter accounts (highlighted in bold in the table below). It’s not as if these people have to tweet themselves (many very busy leaders in organisations authorise others to tweet or blog on their behalf). While we wouldn’t expect the heads of MI5 and MI6 (pictured above) to be tweeting furiously about what they’re up to, it does seem odd that the Permanent Secretary for Culture, Media and Sport doesn’t have his own social media presence. The rest of government needs to be less like the Secret Intelligence Service and more like an open intelligence service – inviting and drawing on expertise and insight wherever it is.

The irony is that the Government agrees. As part of its efficiency and reform agenda, the Government is pushing for more of its services to be ‘digital by default’. It also thinks that more of its work should be conducted using networked technologies and social media. Last week the Government published its civil service reform plan, which includes some very interesting and potentially radical ideas on ‘open policymaking’, for example through:

  • commissioning policy development from outside organisations such as think tanks;
  • crowdsourcing questions to shape the definition of the problem (not just consulting on solutions);
  • using ‘Policy Lab’s to draw in expertise from a range of people and organisations and test new policies before they are implemented;
  • making more data available freely so experts can test and challenge approaches effectively; and
  • using web-based tools, platforms, and new media to widen access to policy debates to individuals and organisations not normally involved.

If you’ve read this blog before, you won’t be surprised to hear that we think all of these ideas are worth further consideration and development. But if leading civil servants aren’t using something as simple as Twitter to tell us what they’re doing – if they aren’t personally confident that social media is worthwhile – what does this suggest about their appetite to use technology to open-up policymaking?

As ever, your thoughts and comments are welcome – including via Twitter on @guerillapolicy and @newthinktankuk, this blog, and on our homepage.

## Civil service leadership (those with Twitter accounts are in bold)

The table below is taken from the civil service website here. However, the published list is substantially out-of-date. This is hardly a good sign for a Government that wants to be ‘digital by default’. Guys, please update your own staff list! The list is inaccurate in the following ways:

  • Jon Cuncliffe has become the UK’s Permanent Representative to the EU;
  • Peter Ricketts is now British Ambassador to France – replaced by Sir Kim Darroch;
  • Philip Rutnam is the Permanent Secretary at the Department for Transport;
  • Lin Homer is Chief Executive and Permanent Secretary at HMRC;
  • Ursula Brennan is the new Permanent Secretary at the MoJ;
  • The MOD’s Director General for Security Policy, Tom McKane, has become the acting Permanent Secretary;
  • The Head of the Northern Ireland Civil Service is Dr Malcolm McKibbin, Permanent Secretary of the Office of the First Minister and deputy First Minister;
  • Richard Heaton is the First Parliamentary Counsel;
  • Gillian Morgan has announced she is retiring.

However, this doesn’t affect the overall result – professional Twitter use by the senior civil service leadership is very, very limited.

[table]
Name | Twitter | Department or post
Sir Jeremy Heywood |  | Cabinet Office (Cabinet Secretary)
**Sir Bob Kerslake** | **@sirbobkerslake** | Head of the Civil Service & Permanent Secretary for Communities and Local Government
**Ian Watmore** | **@ianwatmore** | Cabinet Office (Efficiency and Reform) (but he’s just about to leave the civil service)
Sir Jon Cuncliffe |  | Cabinet Office (International Economic Affairs and Europe)
Sir Peter Ricketts |  | Cabinet Office (Security)
Keir Starmer QC |  | Crown Prosecution Service
Martin Donnelly |  | Department for Business, Innovation and Skills
Jonathan Stephens |  | Department for Culture, Media and Sport
Chris Wormald |  | Department for Education
Bronwyn Hill |  | Department for Environment, Food & Rural Affairs
**Mark Lowcock** | **@DFID_Mark** | Department for International Development (but he has only sent two tweets)
Lin Homer |  | Department for Transport
Robert Devereux |  | Department for Work and Pensions
Darra Singh |  | Department for Work and Pensions (Chief Executive of Jobcentre Plus)
Moira Wallace |  | Department of Energy and Climate Change
Una O’Brien |  | Department of Health
Professor Dame Sally Davies |  | Department of Health (Chief Medical Officer)
Sir David Nicholson |  | Department of Health (NHS Chief Executive)
Simon Fraser |  | Foreign and Commonwealth Office
**Professor Sir John Beddington** | **@uksciencechief** | Government Chief Scientific Adviser
Iain Lobban |  | Government Communications Headquarters
**Dave Hartnett** | **@D_Hartnett_HMRC** | HM Revenue and Customs (Second Permanent Secretary) (but he has never sent a tweet)
Sir Nicholas Macpherson |  | HM Treasury
Tom Scholar |  | HM Treasury (Second Permanent Secretary)
Dame Helen Ghosh |  | Home Office
**Ursula Brennan** | **@urs18** | Ministry of Defence (but she has a private account, and has only sent 13 tweets)
Bernard Gray |  | Ministry of Defence (Chief of Defence Material)
Professor Mark Welland |  | Ministry of Defence (Chief Scientific Adviser)
Jon Day |  | Ministry of Defence (Second Permanent Secretary)
Sir Suma Chakrabarti |  | Ministry of Justice
Sir Bruce Robinson |  | Northern Ireland Civil Service
Sir Stephen Laws |  | Office of the Parliamentary Counsel
Sir Peter Housden |  | Scottish Government
Sir John Sawers |  | Secret Intelligence Service (MI6)
Jonathan Evans |  | Security Service (MI5)
Paul Jenkins |  | Treasury Solicitor’s Department
Jil Matheson |  | UK Statistics Authority
Dame Gillian Morgan |  | Welsh Assembly Government
"""

PART_9 = """\
This is the ninth in a series of posts on why social policy should be developed by and with the people who use and provide public and voluntary services. We’re publishing the last in the series on Monday, and we welcome your comments.

According to How Stuff Works, the top five future technology myths are:

5. We’ll all be driving flying cars soon

4. We’re approaching the technological singularity

3. Moore’s Law will always hold true

2. Robots will be our friends

1. We can stop climate change.

In the case of policy, the equivalent myth is the inevitability of policy development and determination dissolving into some kind of ever-rolling 24/7 technology-enabled plebiscite, and that we will all feel perfectly represented. Of course, the future is not inevitable. Despite the obvious benefits to opening-up policy research and development (at least from our point of view), the future is something we make, and innovation is mostly about implementation. At the same time, and at the risk of falling into the myth trap, it also feels inevitable that policy research and development is going to change – for two main reasons.

Firstly, social change. Politics is changing and our political institutions aren’t changing nearly quickly enough to keep up. We’re in the middle of a long-term cultural change, flowing away from deference and attachment (to a community, to a class, to a party) and towards individualism, autonomy, and self-determination. This is often assumed to mean that we no longer want to be part of anything, that we’re all just self-acquisitive, selfish individualists. We hope it means the opposite.

We increasingly expect and demand that our voice is registered and (to some extent) listened to. We want to be involved – where institutions can demonstrate that they recognise who we are and that we have something to say. We want to exercise individual self-determination, but we want to do it together. We want to represent ourselves, rather than be represented. It’s not incidental that the President of the United States was a community organiser. Look also at the rapid growth of communities and movements such as Avaaz, Change.org, 38 Degrees, Citizens UK (London Citizens), and Make Poverty History (returning in 2013). We’re only at the beginning of finding new ways to mobilise people in order to change policy. Any existing institutions – from charities to companies as well as political parties – that don’t provide meaningful ways for us to participate will surely just fade away.

Secondly, technology. Many of the communities mentioned in the previous paragraph wouldn’t have been possible even a few years ago; now because of the internet and social media anyone can establish a socially purposeful social network (which is what we’re doing here). These platforms represent the principles of community organising made digital, but our conventional political and policy processes haven’t begun to reflect these various forms of digitally enabled community organising.

Part of the public’s disengagement from politics is certainly about structural issues – the decline in the efficacy of the nation-state in an age of globalisation and transnational corporations, the increasingly widely shared view that whoever we vote for, the government we get is of, for and by the 1 per cent, and so on. But part of it is also probably due to the fact that our democratic processes are in the dark ages technologically speaking, on the apparent assumption that applying even twentieth century tools to the business of taking part would be tantamount to ‘letting light in on magic’. So we can vote instantly for something as inconsequential as a Saturday evening TV talent show, but we still trudge to an empty school on a week day to exercise our democratic rights. Institutions that don’t use the technologies we use everyday quickly seem out-of-date and out-of-touch.

From this perspective, the UK Government’s moves towards openness are welcome but limited. Initiatives such as open data, e-petitions and opening-up publicly funded research are innovative but, given the extent of public disengagement, also insufficient. Alongside open data and open services, the third dimension of open government – and we would argue the most important of all – is open decision-making. This isn’t about developing better forms of consultation, rather it has to be about cooperative problem-solving. The future of national policymaking, the only way we can resolve the crisis in trust and legitimacy facing us, paradoxically lies in the ethos and practices of community organising.

In this project, this means developing new ways that policy development can be informed by providers of public and voluntary services, frontline practitioners and the public who use services. It’s their expertise and experience that’s largely missing from policy development at the moment, and policy is poorer as a result. The working title for the project is ‘new think tank’ (at least for the next couple of weeks), but it’s not really a think tank as commonly understood – rather it’s an open public platform for policy research and development. We’ve suggested here before how many think tanks neglect social media and how in particular they miss the opportunity to use it to host conversations. We think that a social network could be used to work with frontline practitioners and service users, in order to draw directly on their expertise, experience and insight to create better policy.

It’s not inevitable that our approach will work, but it’s inevitable that the way we develop policy has to change. In the future we might not all be perfectly represented, but we definitely need to be much better represented. This project is about what we can do right now to improve policymaking, but it’s also about anticipating and responding to this future – starting today.
"""

PART_2 = """\
This is the second in a series of posts on why social policy should be developed by and with the people who use and provide public and voluntary services. We’ll publish the whole series over the next two weeks, and we welcome your comments.

In the policy world we sometimes appear to forget that ‘policy’ doesn’t stop at writing a pamphlet or publishing a bill. Whether policy ‘lives’ and fulfills the objectives set for it depends in part how easy it is to implement and operationalise, and whether a community of stakeholders who want it to succeed has been recruited to champion it. The best way for both of these to happen is to open-up policy research and development to a much broader range of participants.

On making policy easier to implement, the expertise and experience of those who work at the frontline in public and voluntary services – as well as those who use and rely on them – is largely neglected in current policy research and development. This expertise could help to design policy that stands a better chance of being implemented effectively. This doesn’t just apply to those at the frontline of course, but to anyone at any level of ‘the system’ who is responsible for taking policy from pamphlet to pavement.

Part of the reason for this neglect is that, for all the talk of performance improvement and ‘deliverology‘ over the past couple of decades (or ‘Mickey Mouse command and control’ if you’re John Seddon), there’s often still a gulf between those who develop policy and those who are responsible for making it real. Few people in the policy world (by which I mean senior civil servants, special advisers, think tankers and the politicians drawn increasingly from this narrow ‘political class’) have much practical experience beyond ‘thinking’, and they especially tend to lack any ‘doing’ experience in the sense of managing the delivery of programmes and services at scale.

The day-to-day demands of delivery might not be as glamorous as writing and publishing policy papers (on the policy wonk measure of desirability at least), but it’s equally if not more important to policy success. Despite this, delivery remains largely a mystery to most people in policy – something that ‘someone else does’. A civil servant who contacted us described the problem in the following way: while there is at least some public visibility when it comes to policy development (with consultations and so on), there is little transparency and political ownership of the implementation phase. The result, they suggest, is that when promised outcomes or savings are not achieved, it is the policy rather than the implementation that gets the blame. This sets off another hunt for ‘new ideas’ – what David Walker calls a restless ‘neophilia‘ – rather than the collective learning which might focus on how implementation, delivery and administration could be improved.

The most obvious way to capture this kind of learning would be to open-up policy research and development to more ‘doers’ – those nearer to and at the frontline. After all, implementation is necessarily a shared endeavour; it’s not about a single organisation winning the contest of ideas (or ‘think tank of the year’). Collective development of policy could also help to reduce the amount of policy that currently gets ‘lost in translation’ between the centre and local implementation.

This is why the Government missed an opportunity by not releasing at a much earlier stage a version of its NHS risk register (I recognise that they don’t see it this way). It’s likely that the quality of the risk analysis would have been greatly improved if it was conducted publicly and openly, by inviting medical professionals, managers, patients and other interested parties to use their experience and expertise to identify potential implementation problems and propose solutions – and remember, this is to help implement a policy (GP-led commissioning) that most practitioners agree with.

This brings us, briefly, to the second reason to open-up policy research and development – building a community of stakeholders to support successful policy implementation. If policy was developed more collaboratively, it would in all likelihood have many more champions amongst the frontline practitioners and the public (including service users) that had played a role in shaping it. This might be thought of as ‘naive’ by McKinseyites, but it’s been identified as one of the factors in policy success by an Institute for Government report published earlier this year, and illustrated by examples such as the ban on smoking in public places, the Climate Change Act, Scottish devolution and the introduction of the national minimum wage. Ironically, open and collaborative development might even be a hidden success factor in policies that the ‘deliverologists’ point to as proof for their ‘blueprint’ approach – see for example this review of Michael Barber’s book on education reform. Participation and collaboration is also how we want to develop this project – so let us know your thoughts.
"""
