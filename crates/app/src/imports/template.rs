//! The templates people fill in: a header row, one example row, and a
//! second sheet (说明) explaining each column and its rules in Chinese.
use super::limits::MAX_ROWS;
use crate::{AppError, AppResult};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// One column of a template: header, example, and its rule in Chinese.
struct Col {
    header: &'static str,
    example: &'static str,
    rule: &'static str,
}

const POSTS: &[Col] = &[
    Col { header: "标题", example: "冬日咖啡馆探店", rule: "必填。英文表头 title。最多 20 个字。" },
    Col { header: "正文", example: "周末去了这家店，拿铁很好喝 #咖啡 #探店 ", rule: "英文表头 content。最多 1000 个字；话题写在正文里（#话题 后加空格），最多 10 个。" },
    Col { header: "类型", example: "图文", rule: "英文表头 type。图文 或 视频（也可写 normal / video）；留空时有视频即为视频笔记，否则为图文。" },
    Col { header: "图片", example: "https://example.com/a.jpg\nhttps://example.com/b.jpg", rule: "英文表头 images。图文笔记 1 到 18 张图片的网址（http/https），用换行、逗号（, ，）、分号（;）或竖线（|）分隔。" },
    Col { header: "封面", example: "", rule: "英文表头 cover。封面图片网址，可空；视频笔记建议填写。" },
    Col { header: "视频", example: "", rule: "英文表头 video。视频笔记必须有一个视频网址。" },
    Col { header: "变体", example: "", rule: "英文表头 variant。填写变体名称（最多 30 个字，同一篇笔记内不能重复）时，这一行是上方最近一行（变体为空的行）那篇笔记的变体：标题、正文、图片、封面写了就替换，空的格子沿用那篇笔记的内容；类型和视频跟随笔记，请留空。" },
    Col { header: "分组", example: "", rule: "英文表头 group。只在导入结果中显示，不会保存：笔记发给哪些分组，请在创建活动时选择。" },
];

const ACCOUNTS: &[Col] = &[
    Col { header: "名称", example: "张三", rule: "必填。英文表头 name。最多 50 个字。同一分组内名称相同视为同一账号，不会重复创建。" },
    Col { header: "类型", example: "学生", rule: "英文表头 kind。品牌、合作、测试、学生、本人（或 brand / partner / test / student / owner）；留空为学生。机器人账号由服务商同步，不能导入。" },
    Col { header: "分组", example: "三年级二班", rule: "英文表头 groups。一个或多个分组名称，用顿号（、）或逗号（, ，）分隔；不存在的分组会自动创建。" },
    Col { header: "小红书号", example: "", rule: "英文表头 xhs_id。可空；个人主页昵称下的小红书号（字母、数字、下划线或点，最多 24 位）。填写后按小红书号识别同一账号。" },
    Col { header: "备注", example: "", rule: "英文表头 note。最多 500 个字。" },
];

fn write(cols: &[Col], what: &str) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let sheet = book.add_worksheet();
    sheet.set_name(what)?;
    for (c, col) in (0u16..).zip(cols) {
        sheet.write_string_with_format(0, c, col.header, &bold)?;
        sheet.write_string_with_format(1, c, col.example, &wrap)?;
        sheet.set_column_width(c, if c < 2 { 24 } else { 16 })?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let help = book.add_worksheet();
    help.set_name("说明")?;
    help.write_string_with_format(0, 0, "列名", &bold)?;
    help.write_string_with_format(0, 1, "规则", &bold)?;
    for (r, col) in (1u32..).zip(cols) {
        help.write_string(r, 0, col.header)?;
        help.write_string_with_format(r, 1, col.rule, &wrap)?;
    }
    let last = u32::try_from(cols.len() + 2).unwrap_or(u32::MAX);
    help.write_string(
        last,
        0,
        format!("第一个工作表的第一行是表头（中文或英文均可，顺序不限）；每个文件最多 {MAX_ROWS} 行数据。请不要使用公式：复制后“粘贴为数值”。也可另存为 CSV（UTF-8 或 GBK）导入。"),
    )?;
    help.set_column_width(0, 12)?;
    help.set_column_width(1, 80)?;
    book.save_to_buffer()
}

fn built(r: Result<Vec<u8>, XlsxError>) -> AppResult<Vec<u8>> {
    r.map_err(|e| AppError::storage(format!("template: {e}")))
}

/// The notes template (.xlsx).
pub fn posts() -> AppResult<Vec<u8>> {
    built(write(POSTS, "笔记"))
}

/// The roster template (.xlsx).
pub fn accounts() -> AppResult<Vec<u8>> {
    built(write(ACCOUNTS, "账号"))
}
