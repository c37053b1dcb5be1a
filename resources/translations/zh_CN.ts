<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/actions.py" line="66"/>
        <source>系统(&amp;S)</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="67"/>
        <source>病区(&amp;W)</source>
        <translation>病区(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="68"/>
        <source>医嘱(&amp;O)</source>
        <translation>医嘱(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="69"/>
        <source>病历(&amp;R)</source>
        <translation>病历(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="70"/>
        <source>护理(&amp;N)</source>
        <translation>护理(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="71"/>
        <source>打印(&amp;P)</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="72"/>
        <source>管理(&amp;A)</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="73"/>
        <source>语言 Language(&amp;G)</source>
        <translation>语言 Language(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="74"/>
        <source>帮助(&amp;H)</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="80"/>
        <source>锁定屏幕</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="81"/>
        <source>切换用户</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="82"/>
        <source>立即同步</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="83"/>
        <source>设置…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="84"/>
        <source>退出</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="85"/>
        <source>刷新</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="86"/>
        <source>床卡/列表切换</source>
        <translation>床卡/列表切换</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="87"/>
        <source>医嘱录入</source>
        <translation>医嘱录入</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="88"/>
        <source>医嘱签署</source>
        <translation>医嘱签署</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="89"/>
        <source>医嘱核对</source>
        <translation>医嘱核对</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="90"/>
        <source>医嘱执行</source>
        <translation>医嘱执行</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="91"/>
        <source>病历书写</source>
        <translation>病历书写</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="92"/>
        <source>病历审签</source>
        <translation>病历审签</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="93"/>
        <source>体温单录入</source>
        <translation>体温单录入</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="94"/>
        <source>体温单查看</source>
        <translation>体温单查看</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="95"/>
        <source>护理记录</source>
        <translation>护理记录</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="96"/>
        <source>交班报告</source>
        <translation>交班报告</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="97"/>
        <source>打印医嘱单</source>
        <translation>打印医嘱单</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="98"/>
        <source>打印体温单</source>
        <translation>打印体温单</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="99"/>
        <source>检查数据库连接</source>
        <translation>检查数据库连接</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="103"/>
        <source>关于病区工作站</source>
        <translation>关于病区工作站</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="111"/>
        <source>后续版本提供</source>
        <translation>后续版本提供</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="175"/>
        <source>{action}（在病历的医嘱页按 {key}）</source>
        <translation>{action}（在病历的医嘱页按 {key}）</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="102"/>
        <source>快捷键</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>BedCard</name>
    <message>
        <location filename="../../ui/ward_cards.py" line="89"/>
        <source>{bed}床</source>
        <translation>{bed}床</translation>
    </message>
    <message>
        <location filename="../../ui/ward_cards.py" line="101"/>
        <source>空床</source>
        <translation>空床</translation>
    </message>
    <message>
        <location filename="../../ui/ward_cards.py" line="120"/>
        <source>主治：{name}</source>
        <translation>主治：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_cards.py" line="123"/>
        <source>过敏：{list}</source>
        <translation>过敏：{list}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_cards.py" line="148"/>
        <source>危</source>
        <translation>危</translation>
    </message>
    <message>
        <location filename="../../ui/ward_cards.py" line="150"/>
        <source>重</source>
        <translation>重</translation>
    </message>
    <message>
        <location filename="../../ui/ward_cards.py" line="152"/>
        <source>敏</source>
        <translation>敏</translation>
    </message>
</context>
<context>
    <name>BedTableModel</name>
    <message>
        <location filename="../../ui/ward_model.py" line="56"/>
        <source>床号</source>
        <translation>床号</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="57"/>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="58"/>
        <source>性别</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="59"/>
        <source>年龄</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="60"/>
        <source>住院天数</source>
        <translation>住院天数</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="61"/>
        <source>护理级别</source>
        <translation>护理级别</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="62"/>
        <source>病情</source>
        <translation>病情</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="63"/>
        <source>过敏</source>
        <translation>过敏</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="64"/>
        <source>诊断</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="65"/>
        <source>主治医师</source>
        <translation>主治医师</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="66"/>
        <source>住院号</source>
        <translation>住院号</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="67"/>
        <source>入院日期</source>
        <translation>入院日期</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="105"/>
        <source>空床</source>
        <translation>空床</translation>
    </message>
</context>
<context>
    <name>DemoAccountModel</name>
    <message>
        <location filename="../../ui/login.py" line="65"/>
        <source>用户名</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="66"/>
        <source>密码</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="67"/>
        <source>角色</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>ErrorBox</name>
    <message>
        <location filename="../../ui/errorbox.py" line="71"/>
        <source>出错了</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../../ui/errorbox.py" line="72"/>
        <source>复制详细信息</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/errorbox.py" line="73"/>
        <source>详细信息</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/errorbox.py" line="74"/>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../ui/formatting.py" line="22"/>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="28"/>
        <source>男</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="30"/>
        <source>女</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="33"/>
        <source>未知</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="38"/>
        <source>{n}岁</source>
        <translation>{n}岁</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="43"/>
        <source>特级护理</source>
        <translation>特级护理</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="44"/>
        <source>一级护理</source>
        <translation>一级护理</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="45"/>
        <source>二级护理</source>
        <translation>二级护理</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="46"/>
        <source>三级护理</source>
        <translation>三级护理</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="53"/>
        <source>特级</source>
        <translation>特级</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="54"/>
        <source>一级</source>
        <translation>一级</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="55"/>
        <source>二级</source>
        <translation>二级</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="56"/>
        <source>三级</source>
        <translation>三级</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="64"/>
        <source>病危</source>
        <translation>病危</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="66"/>
        <source>病重</source>
        <translation>病重</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="74"/>
        <source>住院{n}天</source>
        <translation>住院{n}天</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../ui/lock.py" line="86"/>
        <source>工作站已锁定</source>
        <translation>工作站已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="87"/>
        <source>当前用户：{name}</source>
        <translation>当前用户：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="88"/>
        <source>输入密码解锁</source>
        <translation>输入密码解锁</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="89"/>
        <source>解锁</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="90"/>
        <source>切换用户</source>
        <translation>切换用户</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../ui/login.py" line="248"/>
        <source>病区工作站</source>
        <translation>病区工作站</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="249"/>
        <source>住院医生 · 护士工作站</source>
        <translation>住院医生 · 护士工作站</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="250"/>
        <source>用户名(&amp;U)：</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="251"/>
        <source>密码(&amp;P)：</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="252"/>
        <source>登录</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="253"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="254"/>
        <source>工号或用户名</source>
        <translation>工号或用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="255"/>
        <source>正在准备数据库，请稍候…</source>
        <translation>正在准备数据库，请稍候…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="256"/>
        <source>演示账号（单击填入）：</source>
        <translation>演示账号（单击填入）：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="430"/>
        <source>关于病区工作站</source>
        <translation>关于病区工作站</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="431"/>
        <source>病区工作站 WardStation 0.1
住院医生工作站与护士工作站</source>
        <translation>病区工作站 WardStation 0.1
住院医生工作站与护士工作站</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="461"/>
        <source>病区工作站</source>
        <translation>病区工作站</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="466"/>
        <source>病区一览</source>
        <translation>病区一览</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="474"/>
        <source>工具栏</source>
        <translation>工具栏</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="25"/>
        <source>用户名或密码错误</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="27"/>
        <source>连续登录失败次数过多，账号已锁定，请于 {until} 后再试</source>
        <translation>连续登录失败次数过多，账号已锁定，请于 {until} 后再试</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="29"/>
        <source>账号已停用，请联系信息科</source>
        <translation>账号已停用，请联系信息科</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="30"/>
        <source>请输入用户名和密码</source>
        <translation>请输入用户名和密码</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32"/>
        <source>请由当前用户 {user} 解锁，或选择“切换用户”</source>
        <translation>请由当前用户 {user} 解锁，或选择“切换用户”</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="33"/>
        <source>无法连接数据库，请检查网络或联系信息科</source>
        <translation>无法连接数据库，请检查网络或联系信息科</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="34"/>
        <source>数据库响应超时</source>
        <translation>数据库响应超时</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50"/>
        <source>演示数据库不可用：{detail}</source>
        <translation>演示数据库不可用：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="52"/>
        <source>无法读取数据库配置 {name}：{detail}</source>
        <translation>无法读取数据库配置 {name}：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49"/>
        <location filename="../../ui/messages.py" line="54"/>
        <source>当前用户无此操作权限</source>
        <translation>当前用户无此操作权限</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="35"/>
        <source>与数据库的连接已中断</source>
        <translation>与数据库的连接已中断</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="36"/>
        <source>数据库拒绝了服务账号，请联系信息科</source>
        <translation>数据库拒绝了服务账号，请联系信息科</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="37"/>
        <source>数据与已有记录冲突，未保存</source>
        <translation>数据与已有记录冲突，未保存</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>数据库出错，请联系信息科</source>
        <translation>数据库出错，请联系信息科</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39"/>
        <source>数据库地址无效：{reason}</source>
        <translation>数据库地址无效：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="41"/>
        <source>没有名为 {name} 的数据库配置</source>
        <translation>没有名为 {name} 的数据库配置</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43"/>
        <source>数据库配置名称无效：{name}</source>
        <translation>数据库配置名称无效：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="45"/>
        <source>无法读取配置文件 {path}</source>
        <translation>无法读取配置文件 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="48"/>
        <source>系统密钥环不可用，无法取得数据库密码（{cause}）</source>
        <translation>系统密钥环不可用，无法取得数据库密码（{cause}）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="56"/>
        <source>新密码至少 {min_len} 位，且不能与原密码相同</source>
        <translation>新密码至少 {min_len} 位，且不能与原密码相同</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>数据库已由更新版本的程序升级（版本 {revision}），请升级本工作站程序</source>
        <translation>数据库已由更新版本的程序升级（版本 {revision}），请升级本工作站程序</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="61"/>
        <source>未知的数据库类型：{dialect}（可选：{known}）</source>
        <translation>未知的数据库类型：{dialect}（可选：{known}）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="63"/>
        <source>数据库服务账号名称无效：{name}</source>
        <translation>数据库服务账号名称无效：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="65"/>
        <source>记录不存在或已被删除</source>
        <translation>记录不存在或已被删除</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>该记录已被他人修改，请刷新后重试</source>
        <translation>该记录已被他人修改，请刷新后重试</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="67"/>
        <source>该操作此前未能执行，不会重复执行</source>
        <translation>该操作此前未能执行，不会重复执行</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="69"/>
        <source>本程序不支持该操作（{type}），请联系信息科</source>
        <translation>本程序不支持该操作（{type}），请联系信息科</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="70"/>
        <source>请填写过敏物质</source>
        <translation>请填写过敏物质</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71"/>
        <source>过敏记录的取值无效</source>
        <translation>过敏记录的取值无效</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="72"/>
        <source>已登记过对 {substance} 的过敏</source>
        <translation>已登记过对 {substance} 的过敏</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74"/>
        <source>护理级别无效：{grade}</source>
        <translation>护理级别无效：{grade}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="76"/>
        <source>病情等级无效：{acuity}</source>
        <translation>病情等级无效：{acuity}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="78"/>
        <source>患者不在院，不能安排床位</source>
        <translation>患者不在院，不能安排床位</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="79"/>
        <source>{bed_no} 床已停用</source>
        <translation>{bed_no} 床已停用</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="81"/>
        <source>{bed_no} 床已有患者</source>
        <translation>{bed_no} 床已有患者</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="84"/>
        <source>医嘱审核收到的数据有误（{where}：{problem}），请联系信息科</source>
        <translation>医嘱审核收到的数据有误（{where}：{problem}），请联系信息科</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="87"/>
        <source>医嘱审核知识库有误：{file} 第 {line} 行：{problem}，请联系药学部或信息科</source>
        <translation>医嘱审核知识库有误：{file} 第 {line} 行：{problem}，请联系药学部或信息科</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="90"/>
        <source>有 {count} 条严重警示，须逐条填写理由后才能签署</source>
        <translation>有 {count} 条严重警示，须逐条填写理由后才能签署</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="92"/>
        <source>系统密钥环不可用（{cause}），无法取得审计检查点密钥</source>
        <translation>系统密钥环不可用（{cause}），无法取得审计检查点密钥</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="95"/>
        <source>本机密钥环中没有审计检查点密钥，请先在本机生成检查点</source>
        <translation>本机密钥环中没有审计检查点密钥，请先在本机生成检查点</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="97"/>
        <source>无法读取审计检查点文件，或该文件不是审计检查点</source>
        <translation>无法读取审计检查点文件，或该文件不是审计检查点</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="99"/>
        <source>审计检查点的签名不符：文件被改动过，或由其他密钥生成</source>
        <translation>审计检查点的签名不符：文件被改动过，或由其他密钥生成</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="154"/>
        <source>医生</source>
        <translation>医生</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="155"/>
        <source>实习医生</source>
        <translation>实习医生</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="156"/>
        <source>护士</source>
        <translation>护士</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="157"/>
        <source>护士长</source>
        <translation>护士长</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="158"/>
        <source>系统管理员</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="180"/>
        <location filename="../../ui/messages.py" line="184"/>
        <source>操作失败（{id}）</source>
        <translation>操作失败（{id}）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="193"/>
        <source>发生意外错误：{detail}</source>
        <translation>发生意外错误：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="199"/>
        <source>给药途径</source>
        <translation>给药途径</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="200"/>
        <source>医嘱频次</source>
        <translation>医嘱频次</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="201"/>
        <source>检验项目</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="202"/>
        <source>药品字典</source>
        <translation>药品字典</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="203"/>
        <source>医嘱项目</source>
        <translation>医嘱项目</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="204"/>
        <source>ICD-10 诊断字典</source>
        <translation>ICD-10 诊断字典</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="209"/>
        <source>演示病区</source>
        <translation>演示病区</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="211"/>
        <source>正在准备数据库，请稍候…</source>
        <translation>正在准备数据库，请稍候…</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="211"/>
        <source>正在准备数据库：{step}</source>
        <translation>正在准备数据库：{step}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="100"/>
        <source>请填写理由</source>
        <translation>请填写理由</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="101"/>
        <source>理由过长（最多 {max} 字）</source>
        <translation>理由过长（最多 {max} 字）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="103"/>
        <source>药品字典中没有该药品（{code}）</source>
        <translation>药品字典中没有该药品（{code}）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="105"/>
        <source>医嘱项目字典中没有该项目（{code}）</source>
        <translation>医嘱项目字典中没有该项目（{code}）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="107"/>
        <source>医嘱类别须为长期或临时</source>
        <translation>医嘱类别须为长期或临时</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="108"/>
        <source>医嘱类型无效</source>
        <translation>医嘱类型无效</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="109"/>
        <source>请填写医嘱内容</source>
        <translation>请填写医嘱内容</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="110"/>
        <source>请填写剂量</source>
        <translation>请填写剂量</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="111"/>
        <source>剂量无效：须为大于 0 的合理数值</source>
        <translation>剂量无效：须为大于 0 的合理数值</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="112"/>
        <source>请填写剂量单位</source>
        <translation>请填写剂量单位</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="113"/>
        <source>剂量单位 {unit} 不适用于该药品</source>
        <translation>剂量单位 {unit} 不适用于该药品</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="115"/>
        <source>请填写给药途径</source>
        <translation>请填写给药途径</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="116"/>
        <source>未知的给药途径：{route}</source>
        <translation>未知的给药途径：{route}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="118"/>
        <source>{form}不能经 {route} 途径给药</source>
        <translation>{form}不能经 {route} 途径给药</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="120"/>
        <source>未知的频次：{freq}</source>
        <translation>未知的频次：{freq}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="122"/>
        <source>长期药品医嘱须填写频次</source>
        <translation>长期药品医嘱须填写频次</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123"/>
        <source>停止时间须晚于开始时间</source>
        <translation>停止时间须晚于开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="124"/>
        <source>首日次数须在 0 到 24 之间</source>
        <translation>首日次数须在 0 到 24 之间</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="125"/>
        <source>医嘱用法类型无效（常规、prn、sos、出院带药）</source>
        <translation>医嘱用法类型无效（常规、prn、sos、出院带药）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="126"/>
        <source>请选择术后、分娩、转入、转出或重整医嘱</source>
        <translation>请选择术后、分娩、转入、转出或重整医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="127"/>
        <source>该医嘱当前状态不允许此操作</source>
        <translation>该医嘱当前状态不允许此操作</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="128"/>
        <source>已签署的医嘱不能修改，请停止或作废后重开</source>
        <translation>已签署的医嘱不能修改，请停止或作废后重开</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="129"/>
        <source>该医嘱不属于当前患者</source>
        <translation>该医嘱不属于当前患者</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="130"/>
        <source>只有未签署的草稿可以删除</source>
        <translation>只有未签署的草稿可以删除</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="131"/>
        <source>成组至少需要两条不同的医嘱</source>
        <translation>成组至少需要两条不同的医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="132"/>
        <source>只有药品草稿可以成组</source>
        <translation>只有药品草稿可以成组</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="133"/>
        <source>该医嘱已在组内</source>
        <translation>该医嘱已在组内</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="134"/>
        <source>同组医嘱须属同一患者且同为长期或临时</source>
        <translation>同组医嘱须属同一患者且同为长期或临时</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="135"/>
        <source>已签署的组不能拆开</source>
        <translation>已签署的组不能拆开</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="136"/>
        <source>只有签署该医嘱的医生可以撤回</source>
        <translation>只有签署该医嘱的医生可以撤回</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="137"/>
        <source>已执行的医嘱不能作废，请停止</source>
        <translation>已执行的医嘱不能作废，请停止</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="138"/>
        <source>没有要签署的医嘱</source>
        <translation>没有要签署的医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="139"/>
        <source>该医嘱不是草稿或退回状态，不能签署</source>
        <translation>该医嘱不是草稿或退回状态，不能签署</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="140"/>
        <source>成组医嘱须整组签署</source>
        <translation>成组医嘱须整组签署</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="141"/>
        <source>您没有处方权，不能签署药品医嘱</source>
        <translation>您没有处方权，不能签署药品医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="142"/>
        <source>您没有麻醉药品和第一类精神药品处方权</source>
        <translation>您没有麻醉药品和第一类精神药品处方权</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="143"/>
        <source>该医嘱不在待审批状态</source>
        <translation>该医嘱不在待审批状态</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="144"/>
        <source>您的抗菌药物处方权限低于该药品的分级</source>
        <translation>您的抗菌药物处方权限低于该药品的分级</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="145"/>
        <source>组套名称不能为空，且不超过 {max} 字</source>
        <translation>组套名称不能为空，且不超过 {max} 字</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="147"/>
        <source>组套范围须为个人、科室或全院</source>
        <translation>组套范围须为个人、科室或全院</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="148"/>
        <source>请先选择要存为组套的医嘱</source>
        <translation>请先选择要存为组套的医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="149"/>
        <source>没有勾选组套中的医嘱</source>
        <translation>没有勾选组套中的医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="150"/>
        <source>没有要审核的医嘱</source>
        <translation>没有要审核的医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="152"/>
        <source>有 {count} 条高警示药品医嘱须再次核对确认后才能审核</source>
        <translation>有 {count} 条高警示药品医嘱须再次核对确认后才能审核</translation>
    </message>
    <message>
        <location filename="../../ui/messages_offline.py" line="13"/>
        <source>系统密钥环不可用，无法打开离线副本；离线队列已保留，请联系信息科</source>
        <translation>系统密钥环不可用，无法打开离线副本；离线队列已保留，请联系信息科</translation>
    </message>
    <message>
        <location filename="../../ui/messages_offline.py" line="15"/>
        <source>密钥环中没有配置 {profile} 的离线副本密钥；离线队列已保留，请联系信息科</source>
        <translation>密钥环中没有配置 {profile} 的离线副本密钥；离线队列已保留，请联系信息科</translation>
    </message>
    <message>
        <location filename="../../ui/messages_offline.py" line="18"/>
        <source>离线副本无法读取（密钥不符或文件已损坏）：{path}；文件已保留，请联系信息科</source>
        <translation>离线副本无法读取（密钥不符或文件已损坏）：{path}；文件已保留，请联系信息科</translation>
    </message>
    <message>
        <location filename="../../ui/messages_offline.py" line="21"/>
        <source>该文件不是本工作站配置的离线副本：{path}；文件已保留，请联系信息科</source>
        <translation>该文件不是本工作站配置的离线副本：{path}；文件已保留，请联系信息科</translation>
    </message>
    <message>
        <location filename="../../ui/messages_offline.py" line="24"/>
        <source>离线副本密钥格式无效；离线队列已保留，请联系信息科</source>
        <translation>离线副本密钥格式无效；离线队列已保留，请联系信息科</translation>
    </message>
</context>
<context>
    <name>OrderDialogs</name>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="143"/>
        <source>作废医嘱</source>
        <translation>作废医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="146"/>
        <source>作废理由：</source>
        <translation>作废理由：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="142"/>
        <source>停止医嘱</source>
        <translation>停止医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="225"/>
        <source>停止时间</source>
        <translation>停止时间</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="145"/>
        <source>停止时间：</source>
        <translation>停止时间：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="223"/>
        <source>剂量</source>
        <translation>剂量</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="222"/>
        <source>医嘱内容</source>
        <translation>医嘱内容</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="198"/>
        <source>医嘱历史</source>
        <translation>医嘱历史</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="257"/>
        <source>医嘱已被他人修改</source>
        <translation>医嘱已被他人修改</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="199"/>
        <source>原状态</source>
        <translation>原状态</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="151"/>
        <source>如 2026-05-01 08:30 或 08:30</source>
        <translation>如 2026-05-01 08:30 或 08:30</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="224"/>
        <source>开始时间</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="264"/>
        <source>当前</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="259"/>
        <source>您的操作未执行，未覆盖任何内容。下表左列是您看到的版本，右列是当前版本。</source>
        <translation>您的操作未执行，未覆盖任何内容。下表左列是您看到的版本，右列是当前版本。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="262"/>
        <source>您看到的</source>
        <translation>您看到的</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="200"/>
        <source>操作人</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="200"/>
        <source>新状态</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="199"/>
        <source>时间</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="225"/>
        <source>版本</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="222"/>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="202"/>
        <source>理由</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="169"/>
        <source>请填写停止时间</source>
        <translation>请填写停止时间</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="145"/>
        <source>退回医嘱</source>
        <translation>退回医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="148"/>
        <source>退回理由：</source>
        <translation>退回理由：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="223"/>
        <source>途径</source>
        <translation>途径</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="262"/>
        <source>项目</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="224"/>
        <source>频次</source>
        <translation>频次</translation>
    </message>
</context>
<context>
    <name>OrderEntry</name>
    <message>
        <location filename="../../ui/orders/entry.py" line="329"/>
        <source>{field}：{message}</source>
        <translation>{field}：{message}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="298"/>
        <source>{standby} 备用，{discharge} 出院带药，{verbal} 口头医嘱</source>
        <translation>{standby} 备用，{discharge} 出院带药，{verbal} 口头医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="553"/>
        <source>不定</source>
        <translation>不定</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="290"/>
        <source>修改</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="547"/>
        <source>停止</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="540"/>
        <source>剂量</source>
        <translation>剂量</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="539"/>
        <source>医嘱内容(拼音首字母/中文/英文)</source>
        <translation>医嘱内容(拼音首字母/中文/英文)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="541"/>
        <source>单位</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="294"/>
        <source>口头医嘱</source>
        <translation>口头医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/matches.py" line="58"/>
        <source>名称</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="548"/>
        <source>嘱托</source>
        <translation>嘱托</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="554"/>
        <source>如 lhn、头孢曲松、ceftriaxone</source>
        <translation>如 lhn、头孢曲松、ceftriaxone</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="546"/>
        <source>开始</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="291"/>
        <source>新开</source>
        <translation>新开</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="166"/>
        <location filename="../../ui/orders/entry.py" line="519"/>
        <source>时间格式：08:30、05-01 08:30 或 2026-05-01 08:30</source>
        <translation>时间格式：08:30、05-01 08:30 或 2026-05-01 08:30</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="545"/>
        <source>滴速</source>
        <translation>滴速</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="552"/>
        <source>现在</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../ui/orders/matches.py" line="59"/>
        <source>编码</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/orders/matches.py" line="58"/>
        <source>规格</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="542"/>
        <source>途径</source>
        <translation>途径</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="307"/>
        <source>需皮试</source>
        <translation>需皮试</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="543"/>
        <source>频次</source>
        <translation>频次</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="544"/>
        <source>首日</source>
        <translation>首日</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="305"/>
        <source>高警示</source>
        <translation>高警示</translation>
    </message>
</context>
<context>
    <name>OrderReview</name>
    <message>
        <location filename="../../ui/orders/review.py" line="284"/>
        <source> 等</source>
        <translation> 等</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="147"/>
        <source>{order}：{message}</source>
        <translation>{order}：{message}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="402"/>
        <source>严重警示：逐条选择理由后才能签署</source>
        <translation>严重警示：逐条选择理由后才能签署</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="102"/>
        <source>医嘱</source>
        <translation>医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="344"/>
        <source>将签署 {n} 条医嘱：严重 {high}，警告 {moderate}，提示 {low}</source>
        <translation>将签署 {n} 条医嘱：严重 {high}，警告 {moderate}，提示 {low}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="122"/>
        <source>无警示</source>
        <translation>无警示</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="361"/>
        <source>有 {n} 条严重警示须选择理由（选“其他”须填写说明）后才能签署</source>
        <translation>有 {n} 条严重警示须选择理由（选“其他”须填写说明）后才能签署</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="337"/>
        <source>正在审核 {n} 条医嘱…</source>
        <translation>正在审核 {n} 条医嘱…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="371"/>
        <source>正在签署…</source>
        <translation>正在签署…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="158"/>
        <source>理由说明（选“其他”时必填）</source>
        <translation>理由说明（选“其他”时必填）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="403"/>
        <source>签署 (Enter)</source>
        <translation>签署 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="401"/>
        <source>签署前审核 (F9)</source>
        <translation>签署前审核 (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="280"/>
        <source>签署后将停止其上的 {n} 条长期医嘱（待护士确认停止）</source>
        <translation>签署后将停止其上的 {n} 条长期医嘱（待护士确认停止）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="104"/>
        <source>类别</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="289"/>
        <source>红线医嘱“{names}”：{note}</source>
        <translation>红线医嘱“{names}”：{note}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="286"/>
        <source>红线医嘱“{names}”：{note}：{orders}{more}</source>
        <translation>红线医嘱“{names}”：{note}：{orders}{more}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="103"/>
        <source>级别</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="105"/>
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="153"/>
        <source>请选择理由</source>
        <translation>请选择理由</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="404"/>
        <source>返回 (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
</context>
<context>
    <name>OrderSets</name>
    <message>
        <location filename="../../ui/orders/sets.py" line="429"/>
        <source>Space 取消/恢复勾选 · Enter 将勾选的医嘱生成草稿 · Esc 返回组套列表</source>
        <translation>Space 取消/恢复勾选 · Enter 将勾选的医嘱生成草稿 · Esc 返回组套列表</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="344"/>
        <source>{name}（{scope}）</source>
        <translation>{name}（{scope}）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="524"/>
        <source>个人</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="436"/>
        <source>使用组套</source>
        <translation>使用组套</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="526"/>
        <source>全院（须管理员）</source>
        <translation>全院（须管理员）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="439"/>
        <source>关闭 (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="196"/>
        <source>医嘱内容</source>
        <translation>医嘱内容</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="103"/>
        <source>医嘱数</source>
        <translation>医嘱数</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="438"/>
        <source>如 sqh、肺炎</source>
        <translation>如 sqh、肺炎</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="516"/>
        <source>存为组套</source>
        <translation>存为组套</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="518"/>
        <source>将以下 {n} 条医嘱存为组套（只存内容，不存状态）：</source>
        <translation>将以下 {n} 条医嘱存为组套（只存内容，不存状态）：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="433"/>
        <source>打开 (Enter)</source>
        <translation>打开 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="104"/>
        <source>拼音</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="502"/>
        <source>正在保存…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="373"/>
        <source>正在生成草稿…</source>
        <translation>正在生成草稿…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="322"/>
        <source>没有可用的组套</source>
        <translation>没有可用的组套</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="430"/>
        <source>生成草稿 (Enter)</source>
        <translation>生成草稿 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="194"/>
        <source>用</source>
        <translation>用</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="525"/>
        <source>科室</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="437"/>
        <source>筛选(拼音首字母/名称)：</source>
        <translation>筛选(拼音首字母/名称)：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="194"/>
        <source>类</source>
        <translation>类</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="195"/>
        <source>组</source>
        <translation>组</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="102"/>
        <source>组套名称</source>
        <translation>组套名称</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="519"/>
        <source>组套名称(&amp;N)：</source>
        <translation>组套名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="102"/>
        <source>范围</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="520"/>
        <source>范围(&amp;S)：</source>
        <translation>范围(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="432"/>
        <source>输入拼音首字母或名称筛选 · ↑↓ 选择 · Enter 打开组套 · Esc 关闭</source>
        <translation>输入拼音首字母或名称筛选 · ↑↓ 选择 · Enter 打开组套 · Esc 关闭</translation>
    </message>
</context>
<context>
    <name>OrderSheet</name>
    <message>
        <location filename="../../ui/orders/sheet.py" line="196"/>
        <source>{content}  取消</source>
        <translation>{content}  取消</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sheet.py" line="52"/>
        <source>停止日期</source>
        <translation>停止日期</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sheet.py" line="49"/>
        <source>医嘱内容</source>
        <translation>医嘱内容</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sheet.py" line="50"/>
        <location filename="../../ui/orders/sheet.py" line="54"/>
        <source>医师签名</source>
        <translation>医师签名</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sheet.py" line="56"/>
        <source>执行时间</source>
        <translation>执行时间</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sheet.py" line="51"/>
        <location filename="../../ui/orders/sheet.py" line="55"/>
        <source>护士签名</source>
        <translation>护士签名</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sheet.py" line="47"/>
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sheet.py" line="48"/>
        <location filename="../../ui/orders/sheet.py" line="53"/>
        <source>时间</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sheet.py" line="46"/>
        <source>起始日期</source>
        <translation>起始日期</translation>
    </message>
</context>
<context>
    <name>OrderTexts</name>
    <message>
        <location filename="../../ui/orders/texts.py" line="55"/>
        <source>上级医师确认</source>
        <translation>上级医师确认</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="44"/>
        <source>严重</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="192"/>
        <source>个人</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="38"/>
        <source>临</source>
        <translation>临</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="53"/>
        <source>临床获益大于风险</source>
        <translation>临床获益大于风险</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="39"/>
        <source>临时</source>
        <translation>临时</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="184"/>
        <source>临时备用 sos</source>
        <translation>临时备用 sos</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="26"/>
        <source>停止待确认</source>
        <translation>停止待确认</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="139"/>
        <source>停止时间</source>
        <translation>停止时间</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="194"/>
        <source>全院</source>
        <translation>全院</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="59"/>
        <source>其他</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="185"/>
        <source>出院带药</source>
        <translation>出院带药</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="173"/>
        <source>分娩医嘱</source>
        <translation>分娩医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="132"/>
        <source>剂量</source>
        <translation>剂量</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="131"/>
        <source>医嘱内容</source>
        <translation>医嘱内容</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="133"/>
        <source>单位</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="68"/>
        <source>单次剂量</source>
        <translation>单次剂量</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="72"/>
        <source>同类重复</source>
        <translation>同类重复</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="77"/>
        <source>哺乳</source>
        <translation>哺乳</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="95"/>
        <location filename="../../ui/orders/texts.py" line="140"/>
        <source>嘱托</source>
        <translation>嘱托</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="76"/>
        <source>妊娠</source>
        <translation>妊娠</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="28"/>
        <source>已作废</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="27"/>
        <source>已停止</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="57"/>
        <source>已加强监测</source>
        <translation>已加强监测</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="23"/>
        <source>已审核</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="25"/>
        <source>已执行</source>
        <translation>已执行</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="21"/>
        <source>已签署</source>
        <translation>已签署</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="29"/>
        <source>已退回</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="75"/>
        <source>年龄</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="138"/>
        <source>开始时间</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="22"/>
        <source>待审批</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="54"/>
        <source>患者既往已耐受</source>
        <translation>患者既往已耐受</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="94"/>
        <source>手术</source>
        <translation>手术</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="24"/>
        <source>执行中</source>
        <translation>执行中</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="58"/>
        <source>抢救需要</source>
        <translation>抢救需要</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="92"/>
        <source>护理</source>
        <translation>护理</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="46"/>
        <source>提示</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="69"/>
        <source>日剂量</source>
        <translation>日剂量</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="82"/>
        <source>未能审核</source>
        <translation>未能审核</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="172"/>
        <source>术后医嘱</source>
        <translation>术后医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="90"/>
        <source>检查</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="89"/>
        <source>检验</source>
        <translation>检验</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="81"/>
        <source>检验指标</source>
        <translation>检验指标</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="91"/>
        <source>治疗</source>
        <translation>治疗</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="137"/>
        <source>滴速</source>
        <translation>滴速</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="141"/>
        <source>理由</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="79"/>
        <source>皮试</source>
        <translation>皮试</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="67"/>
        <source>相互作用</source>
        <translation>相互作用</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="193"/>
        <source>科室</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="70"/>
        <source>给药途径</source>
        <translation>给药途径</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="74"/>
        <source>肝功能</source>
        <translation>肝功能</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="73"/>
        <source>肾功能</source>
        <translation>肾功能</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="93"/>
        <source>膳食</source>
        <translation>膳食</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="20"/>
        <source>草稿(未签署)</source>
        <translation>草稿(未签署)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="88"/>
        <source>药品</source>
        <translation>药品</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="78"/>
        <source>药物-疾病</source>
        <translation>药物-疾病</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="45"/>
        <source>警告</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="174"/>
        <source>转入医嘱</source>
        <translation>转入医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="175"/>
        <source>转出医嘱</source>
        <translation>转出医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="66"/>
        <source>过敏</source>
        <translation>过敏</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="56"/>
        <source>过敏史核实不成立</source>
        <translation>过敏史核实不成立</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="134"/>
        <source>途径</source>
        <translation>途径</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="80"/>
        <source>配伍禁忌</source>
        <translation>配伍禁忌</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="71"/>
        <source>重复医嘱</source>
        <translation>重复医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="96"/>
        <source>重整/术后</source>
        <translation>重整/术后</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="176"/>
        <source>重整医嘱</source>
        <translation>重整医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="36"/>
        <source>长</source>
        <translation>长</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="37"/>
        <source>长期</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="183"/>
        <source>长期备用 prn</source>
        <translation>长期备用 prn</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="135"/>
        <source>频次</source>
        <translation>频次</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="136"/>
        <source>首日次数</source>
        <translation>首日次数</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../../ui/orders/model.py" line="83"/>
        <source>作废：{reason}</source>
        <translation>作废：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="72"/>
        <source>停止时间</source>
        <translation>停止时间</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="107"/>
        <source>出院带药：{content}</source>
        <translation>出院带药：{content}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="66"/>
        <source>剂量</source>
        <translation>剂量</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="65"/>
        <source>医嘱内容</source>
        <translation>医嘱内容</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="91"/>
        <source>口头医嘱</source>
        <translation>口头医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="73"/>
        <source>备注</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="71"/>
        <source>开嘱医生</source>
        <translation>开嘱医生</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="64"/>
        <source>开始时间</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="81"/>
        <source>护士退回：{reason}</source>
        <translation>护士退回：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="70"/>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="63"/>
        <source>类</source>
        <translation>类</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="93"/>
        <source>红线：签署后停止其上的长期医嘱</source>
        <translation>红线：签署后停止其上的长期医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="62"/>
        <source>组</source>
        <translation>组</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="89"/>
        <source>警示已确认</source>
        <translation>警示已确认</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="67"/>
        <source>途径</source>
        <translation>途径</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="87"/>
        <source>需皮试</source>
        <translation>需皮试</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="68"/>
        <source>频次</source>
        <translation>频次</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="69"/>
        <source>首日</source>
        <translation>首日</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="85"/>
        <source>高警示</source>
        <translation>高警示</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="194"/>
        <source>高警示药品：双人核对</source>
        <translation>高警示药品：双人核对</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <location filename="../../ui/orders/tab.py" line="412"/>
        <source>临时</source>
        <translation>临时</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="424"/>
        <source>临时医嘱单</source>
        <translation>临时医嘱单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="398"/>
        <source>作废</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="397"/>
        <source>停止</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="410"/>
        <location filename="../../ui/orders/tab.py" line="415"/>
        <source>全部</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="214"/>
        <source>全院组套只能由管理员保存：{reason}</source>
        <translation>全院组套只能由管理员保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="399"/>
        <source>删除草稿</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="403"/>
        <source>医嘱列表</source>
        <translation>医嘱列表</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="402"/>
        <source>医嘱单</source>
        <translation>医嘱单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="401"/>
        <source>历史</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="413"/>
        <source>在用</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="395"/>
        <source>存为组套</source>
        <translation>存为组套</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="399"/>
        <source>审批</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="400"/>
        <source>审核</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="397"/>
        <source>审核签署</source>
        <translation>审核签署</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="185"/>
        <source>已从组套“{name}”生成 {n} 条草稿，按 F9 审核签署</source>
        <translation>已从组套“{name}”生成 {n} 条草稿，按 F9 审核签署</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="335"/>
        <source>已作废</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="88"/>
        <source>已保存为草稿：{content}</source>
        <translation>已保存为草稿：{content}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="414"/>
        <source>已停</source>
        <translation>已停</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="334"/>
        <source>已停止，待护士确认</source>
        <translation>已停止，待护士确认</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="292"/>
        <source>已删除草稿</source>
        <translation>已删除草稿</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="206"/>
        <source>已存为组套：{name}</source>
        <translation>已存为组套：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="324"/>
        <source>已审批</source>
        <translation>已审批</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="308"/>
        <source>已审核</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="271"/>
        <source>已开{heading}（草稿）：按 F9 签署，签署后其上的 {n} 条长期医嘱停止</source>
        <translation>已开{heading}（草稿）：按 F9 签署，签署后其上的 {n} 条长期医嘱停止</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="135"/>
        <source>已成组 {n} 条医嘱</source>
        <translation>已成组 {n} 条医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="159"/>
        <source>已拆组 {n} 条医嘱</source>
        <translation>已拆组 {n} 条医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="300"/>
        <source>已撤回为草稿</source>
        <translation>已撤回为草稿</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="316"/>
        <source>已确认停止</source>
        <translation>已确认停止</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="357"/>
        <source>已签署 {n} 条医嘱</source>
        <translation>已签署 {n} 条医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="337"/>
        <source>已退回医生</source>
        <translation>已退回医生</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="394"/>
        <source>成组</source>
        <translation>成组</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="394"/>
        <source>拆组</source>
        <translation>拆组</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="398"/>
        <source>撤回</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="393"/>
        <source>新开临时</source>
        <translation>新开临时</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="393"/>
        <source>新开长期</source>
        <translation>新开长期</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="439"/>
        <source>未连接数据库，医嘱已保留为草稿/未签署</source>
        <translation>未连接数据库，医嘱已保留为草稿/未签署</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="440"/>
        <source>未连接数据库，本条医嘱未保存，录入内容已保留</source>
        <translation>未连接数据库，本条医嘱未保存，录入内容已保留</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="77"/>
        <source>正在保存…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="409"/>
        <source>状态(&amp;U)</source>
        <translation>状态(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="401"/>
        <source>确认停止</source>
        <translation>确认停止</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="396"/>
        <source>红线医嘱</source>
        <translation>红线医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="395"/>
        <source>组套</source>
        <translation>组套</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="106"/>
        <source>请先选择一条医嘱</source>
        <translation>请先选择一条医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="199"/>
        <source>请先选择要存为组套的医嘱</source>
        <translation>请先选择要存为组套的医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="153"/>
        <source>请选择一个成组的草稿再拆组 ({key})</source>
        <translation>请选择一个成组的草稿再拆组 ({key})</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="129"/>
        <source>请选择两条以上的药品草稿再成组 (Ctrl+G)</source>
        <translation>请选择两条以上的药品草稿再成组 (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="400"/>
        <source>退回</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="411"/>
        <source>长期</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="408"/>
        <source>长期/临时(&amp;T)</source>
        <translation>长期/临时(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="423"/>
        <source>长期医嘱单</source>
        <translation>长期医嘱单</translation>
    </message>
</context>
<context>
    <name>PatientHeader</name>
    <message>
        <location filename="../../ui/patient_header.py" line="110"/>
        <source>{ward} {bed}床</source>
        <translation>{ward} {bed}床</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="112"/>
        <source>{n}天</source>
        <translation>{n}天</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="124"/>
        <source>无</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="130"/>
        <source>住院号</source>
        <translation>住院号</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="131"/>
        <source>床位</source>
        <translation>床位</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="132"/>
        <source>入院日期</source>
        <translation>入院日期</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="133"/>
        <source>住院天数</source>
        <translation>住院天数</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="134"/>
        <source>主治医师</source>
        <translation>主治医师</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="135"/>
        <source>住院医师</source>
        <translation>住院医师</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="136"/>
        <source>诊断</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="139"/>
        <location filename="../../ui/patient_header.py" line="140"/>
        <source>：</source>
        <translation>：</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="140"/>
        <source>过敏史</source>
        <translation>过敏史</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <location filename="../../ui/patient_header.py" line="298"/>
        <location filename="../../ui/patient_header.py" line="308"/>
        <source>正在打开…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="298"/>
        <source>{bed}床 {name}</source>
        <translation>{bed}床 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="303"/>
        <source>体温单</source>
        <translation>体温单</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="301"/>
        <source>医嘱</source>
        <translation>医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="204"/>
        <source>医嘱在此数据源上不可用</source>
        <translation>医嘱在此数据源上不可用</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="305"/>
        <source>在后续版本提供</source>
        <translation>在后续版本提供</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="302"/>
        <source>病历</source>
        <translation>病历</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="13"/>
        <source>设置</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="17"/>
        <source> 分钟</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="18"/>
        <source>从不</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="22"/>
        <source> 秒</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="28"/>
        <source>无操作自动锁屏：</source>
        <translation>无操作自动锁屏：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="29"/>
        <source>连接检查间隔：</source>
        <translation>连接检查间隔：</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="138"/>
        <source>上一项</source>
        <translation>上一项</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="137"/>
        <source>下一项</source>
        <translation>下一项</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="188"/>
        <source>位置</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="160"/>
        <source>作废医嘱（填写理由）</source>
        <translation>作废医嘱（填写理由）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="189"/>
        <source>作用</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="144"/>
        <source>使用组套：个人、科室、全院组套，可按拼音首字母或名称筛选</source>
        <translation>使用组套：个人、科室、全院组套，可按拼音首字母或名称筛选</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="139"/>
        <source>保存为草稿（在最后一项按 Enter 亦可）</source>
        <translation>保存为草稿（在最后一项按 Enter 亦可）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="159"/>
        <source>停止长期医嘱（填写停止时间）</source>
        <translation>停止长期医嘱（填写停止时间）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="115"/>
        <source>全局</source>
        <translation>全局</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="151"/>
        <source>关闭匹配列表；再按一次回到医嘱列表，录入内容保留</source>
        <translation>关闭匹配列表；再按一次回到医嘱列表，录入内容保留</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="141"/>
        <source>出院带药（临时医嘱，医嘱单上列在“出院带药”下）；再按取消</source>
        <translation>出院带药（临时医嘱，医嘱单上列在“出院带药”下）；再按取消</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="154"/>
        <source>删除所选草稿</source>
        <translation>删除所选草稿</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="133"/>
        <source>刷新病区</source>
        <translation>刷新病区</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="117"/>
        <source>医嘱</source>
        <translation>医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="164"/>
        <source>医嘱列表/医嘱单切换</source>
        <translation>医嘱列表/医嘱单切换</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="118"/>
        <source>医嘱录入</source>
        <translation>医嘱录入</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="121"/>
        <source>医嘱（护士）</source>
        <translation>医嘱（护士）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="142"/>
        <source>口头医嘱（抢救后补录）；再按取消</source>
        <translation>口头医嘱（抢救后补录）；再按取消</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="166"/>
        <source>在医嘱列表中扩展选择</source>
        <translation>在医嘱列表中扩展选择</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="152"/>
        <source>在医嘱列表中：修改所选草稿或退回的医嘱</source>
        <translation>在医嘱列表中：修改所选草稿或退回的医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="157"/>
        <source>在各条严重警示的理由之间移动</source>
        <translation>在各条严重警示的理由之间移动</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="131"/>
        <source>在筛选框中：打开第一个匹配患者的医嘱页（无匹配则不打开）</source>
        <translation>在筛选框中：打开第一个匹配患者的医嘱页（无匹配则不打开）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="145"/>
        <source>在组套列表中：选择组套，Enter 列出其医嘱（全部勾选）</source>
        <translation>在组套列表中：选择组套，Enter 列出其医嘱（全部勾选）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="146"/>
        <source>在组套医嘱中：勾选/取消当前医嘱</source>
        <translation>在组套医嘱中：勾选/取消当前医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="148"/>
        <source>在组套医嘱中：回到组套列表；在列表中：关闭</source>
        <translation>在组套医嘱中：回到组套列表；在列表中：关闭</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="147"/>
        <source>在组套医嘱中：将勾选的医嘱生成草稿（再按 F9 审核签署）</source>
        <translation>在组套医嘱中：将勾选的医嘱生成草稿（再按 F9 审核签署）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="140"/>
        <source>备用医嘱：长期为 prn，临时为 sos；再按取消</source>
        <translation>备用医嘱：长期为 prn，临时为 sos；再按取消</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="162"/>
        <source>审批抗菌药物医嘱（须有相应级别）</source>
        <translation>审批抗菌药物医嘱（须有相应级别）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="155"/>
        <source>审核将签署的全部草稿（按医嘱、按级别列出警示）</source>
        <translation>审核将签署的全部草稿（按医嘱、按级别列出警示）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="168"/>
        <source>审核所选医嘱</source>
        <translation>审核所选医嘱</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="132"/>
        <source>床卡/列表切换</source>
        <translation>床卡/列表切换</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="203"/>
        <source>快捷键</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="127"/>
        <source>快捷键一览</source>
        <translation>快捷键一览</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="149"/>
        <source>所选医嘱存为组套（名称；个人或科室，全院须管理员）</source>
        <translation>所选医嘱存为组套（名称；个人或科室，全院须管理员）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="163"/>
        <source>所选医嘱的历史</source>
        <translation>所选医嘱的历史</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="167"/>
        <source>所选医嘱的操作菜单</source>
        <translation>所选医嘱的操作菜单</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="153"/>
        <source>所选草稿成组（输液）</source>
        <translation>所选草稿成组（输液）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="143"/>
        <source>拆开所选草稿所在的组</source>
        <translation>拆开所选草稿所在的组</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="188"/>
        <source>按键</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="161"/>
        <source>撤回（护士审核前）</source>
        <translation>撤回（护士审核前）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="135"/>
        <source>新开临时医嘱（光标在医嘱内容）</source>
        <translation>新开临时医嘱（光标在医嘱内容）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="134"/>
        <source>新开长期医嘱（光标在医嘱内容）</source>
        <translation>新开长期医嘱（光标在医嘱内容）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="116"/>
        <source>病区一览</source>
        <translation>病区一览</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="170"/>
        <source>确认停止</source>
        <translation>确认停止</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="130"/>
        <source>筛选：床号、姓名、拼音首字母或住院号</source>
        <translation>筛选：床号、姓名、拼音首字母或住院号</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="119"/>
        <source>签署前审核</source>
        <translation>签署前审核</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="156"/>
        <source>签署（有严重警示时须先选择理由）</source>
        <translation>签署（有严重警示时须先选择理由）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="150"/>
        <source>红线医嘱：术后、分娩、转入、转出、重整医嘱（签署后停止其上的全部长期医嘱）</source>
        <translation>红线医嘱：术后、分娩、转入、转出、重整医嘱（签署后停止其上的全部长期医嘱）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="120"/>
        <source>组套</source>
        <translation>组套</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="136"/>
        <source>输入拼音首字母、中文或英文即列出匹配项；上下键选择，Enter 选中并带出剂量、单位、途径、频次、首日次数</source>
        <translation>输入拼音首字母、中文或英文即列出匹配项；上下键选择，Enter 选中并带出剂量、单位、途径、频次、首日次数</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="158"/>
        <source>返回，草稿保留</source>
        <translation>返回，草稿保留</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="129"/>
        <source>退出</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="169"/>
        <source>退回所选医嘱（填写理由）</source>
        <translation>退回所选医嘱（填写理由）</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="128"/>
        <source>锁定屏幕</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="165"/>
        <source>长期/临时筛选；在用/已停/全部筛选</source>
        <translation>长期/临时筛选；在用/已停/全部筛选</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../ui/statusbar.py" line="52"/>
        <source>在线</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="53"/>
        <source>离线</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="54"/>
        <source>同步中</source>
        <translation>同步中</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="55"/>
        <source>连接中…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="58"/>
        <source>离线 — 数据截至 {time}</source>
        <translation>离线 — 数据截至 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="61"/>
        <source>（待同步 {n}）</source>
        <translation>（待同步 {n}）</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="70"/>
        <source>用户：{name}（{roles}）</source>
        <translation>用户：{name}（{roles}）</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="73"/>
        <source>未登录</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="75"/>
        <source>演示数据库</source>
        <translation>演示数据库</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="75"/>
        <source>数据库：{name}</source>
        <translation>数据库：{name}</translation>
    </message>
</context>
<context>
    <name>WardView</name>
    <message>
        <location filename="../../ui/ward_view.py" line="231"/>
        <source>在院 {n}</source>
        <translation>在院 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="232"/>
        <source>空床 {n}</source>
        <translation>空床 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="233"/>
        <source>病危 {n}</source>
        <translation>病危 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="234"/>
        <source>病重 {n}</source>
        <translation>病重 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="235"/>
        <source>特级护理 {n}</source>
        <translation>特级护理 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="236"/>
        <source>一级护理 {n}</source>
        <translation>一级护理 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="237"/>
        <source>二级护理 {n}</source>
        <translation>二级护理 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="238"/>
        <source>三级护理 {n}</source>
        <translation>三级护理 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="239"/>
        <source>过敏 {n}</source>
        <translation>过敏 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="244"/>
        <source>病区(&amp;W)：</source>
        <translation>病区(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="246"/>
        <source>筛选：床号、姓名、拼音首字母、住院号 (Ctrl+F)</source>
        <translation>筛选：床号、姓名、拼音首字母、住院号 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="247"/>
        <source>床卡</source>
        <translation>床卡</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="248"/>
        <source>以床头卡显示</source>
        <translation>以床头卡显示</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="249"/>
        <source>列表</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="250"/>
        <source>以列表显示，可按列排序</source>
        <translation>以列表显示，可按列排序</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="181"/>
        <source>Enter 打开：{bed}床 {name}（{mrn}）</source>
        <translation>Enter 打开：{bed}床 {name}（{mrn}）</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="174"/>
        <source>{bed}床为空床</source>
        <translation>{bed}床为空床</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="175"/>
        <source>无匹配患者</source>
        <translation>无匹配患者</translation>
    </message>
</context>
</TS>
