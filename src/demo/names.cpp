// Fixed vocabularies of the demo company: geography, industries, categories, names.
#include "demo/gen.h"

namespace sl::demo::detail {

const std::array<const char*, kDaqu> kDaquNames = {"华东", "华南", "华北", "华中", "西南", "西北", "东北"};
const std::array<double, kDaqu> kDaquWeight = {0.28, 0.19, 0.17, 0.12, 0.11, 0.05, 0.08};
const std::array<std::vector<const char*>, kDaqu> kProvinces = {{
    {"上海", "江苏", "浙江", "山东", "福建"},
    {"广东", "广西", "海南"},
    {"北京", "天津", "河北", "山西"},
    {"湖北", "湖南", "河南", "江西"},
    {"四川", "重庆", "云南", "贵州"},
    {"陕西", "甘肃", "新疆"},
    {"辽宁", "吉林", "黑龙江"},
}};
const std::array<const char*, kCategories> kCategoryNames = {"服务器",   "存储",   "网络设备", "安全设备",
                                                             "工业软件", "云服务", "智能终端", "运维服务"};
const std::array<double, kCategories> kCategoryTicket = {240000, 200000, 120000, 100000, 160000, 80000, 60000, 50000};
const std::array<double, kCategories> kCategoryMargin = {0.18, 0.22, 0.25, 0.35, 0.55, 0.45, 0.20, 0.40};
const std::array<const char*, kIndustries> kIndustryNames = {"制造", "能源", "医疗", "教育",
                                                             "金融", "零售", "交通", "政府"};
const std::array<double, kIndustries> kIndustryWeight = {0.24, 0.10, 0.12, 0.11, 0.12, 0.12, 0.08, 0.11};
const std::vector<const char*> kLostReasons = {"价格", "竞品", "服务", "需求变化", "倒闭/合并"};
const std::vector<const char*> kOppLostReasons = {"价格", "竞品", "需求取消", "预算不足", "关系"};

namespace {
const std::vector<const char*> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                            "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
                                            "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
const std::vector<const char*> kGiven = {"伟", "芳",   "娜",   "敏",   "静",   "丽",   "强", "磊",   "军", "洋",
                                         "勇", "艳",   "杰",   "娟",   "涛",   "明",   "超", "秀英", "霞", "平",
                                         "刚", "桂英", "建华", "晓东", "海燕", "志强", "雪", "婷",   "宇", "浩"};
const std::vector<const char*> kBrand = {"华信", "恒通", "鼎盛", "瑞丰", "宏达", "中科", "天成", "金桥",
                                         "远航", "新元", "博远", "安泰", "国联", "东方", "精诚", "永盛",
                                         "联创", "汇智", "凯达", "盛世", "长城", "星河", "同泰", "海纳"};
const std::vector<const char*> kIndustrySuffix[kIndustries] = {
    {"机械制造有限公司", "精密制造股份公司", "电子科技有限公司", "汽车零部件有限公司"},
    {"能源集团", "电力有限公司", "新能源科技公司", "燃气有限公司"},
    {"人民医院", "中医院", "医疗器械有限公司", "妇幼保健院"},
    {"大学", "职业技术学院", "第一中学", "教育科技有限公司"},
    {"农村商业银行", "证券股份公司", "保险有限公司", "城市商业银行"},
    {"商贸有限公司", "连锁超市有限公司", "百货股份公司", "电商科技有限公司"},
    {"轨道交通集团", "物流有限公司", "港务集团", "公交集团"},
    {"市大数据局", "市政务服务中心", "区人民政府", "市交通运输局"},
};
}  // namespace

std::string person_name(Rng& r) { return std::string(r.pick(kSurnames)) + r.pick(kGiven); }

std::string company_name(Rng& r, const std::string& province, const std::string& industry) {
  size_t ind = 0;
  for (size_t i = 0; i < kIndustries; ++i)
    if (industry == kIndustryNames[i]) ind = i;
  return province + r.pick(kBrand) + r.pick(kIndustrySuffix[ind]);
}

}  // namespace sl::demo::detail
