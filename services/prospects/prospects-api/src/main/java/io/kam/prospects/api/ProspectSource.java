package io.kam.prospects.api;

/** How a prospect was found (寻找客户的方法): the fourteen prospecting methods. */
public enum ProspectSource {
    /** 逐户访问 */
    DOOR_TO_DOOR,
    /** 广告搜寻 */
    ADVERTISING,
    /** 连锁介绍: an existing customer referred it; the referring account is recorded. */
    REFERRAL,
    /** 名人介绍 */
    CENTRE_OF_INFLUENCE,
    /** 会议寻找 */
    MEETINGS_AND_EVENTS,
    /** 电话寻找 */
    PHONE,
    /** 信函寻找 */
    MAIL,
    /** 资料查询 */
    DIRECTORY_LOOKUP,
    /** 市场咨询 */
    MARKET_RESEARCH_FIRM,
    /** 个人观察 */
    PERSONAL_OBSERVATION,
    /** 设立代理 */
    AGENT,
    /** 竞争插足 */
    COMPETITOR_CONQUEST,
    /** 委托助手 */
    ASSISTANT,
    /** 行业突击 */
    INDUSTRY_BLITZ
}
