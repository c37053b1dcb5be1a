<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/actions.py" line="66"/>
        <source>系统(&amp;S)</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="67"/>
        <source>病区(&amp;W)</source>
        <translation>&amp;Ward</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="68"/>
        <source>医嘱(&amp;O)</source>
        <translation>&amp;Orders</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="69"/>
        <source>病历(&amp;R)</source>
        <translation>&amp;Records</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="70"/>
        <source>护理(&amp;N)</source>
        <translation>&amp;Nursing</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="71"/>
        <source>打印(&amp;P)</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="72"/>
        <source>管理(&amp;A)</source>
        <translation>&amp;Admin</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="73"/>
        <source>语言 Language(&amp;G)</source>
        <translation>Lan&amp;guage 语言</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="74"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="80"/>
        <source>锁定屏幕</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="81"/>
        <source>切换用户</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="82"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="83"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="84"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="85"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="86"/>
        <source>床卡/列表切换</source>
        <translation>Cards / list</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="87"/>
        <source>医嘱录入</source>
        <translation>Order entry</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="88"/>
        <source>医嘱签署</source>
        <translation>Sign orders</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="89"/>
        <source>医嘱核对</source>
        <translation>Verify orders</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="90"/>
        <source>医嘱执行</source>
        <translation>Execute orders</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="91"/>
        <source>病历书写</source>
        <translation>Write record</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="92"/>
        <source>病历审签</source>
        <translation>Co-sign records</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="93"/>
        <source>体温单录入</source>
        <translation>Chart vital signs</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="94"/>
        <source>体温单查看</source>
        <translation>Temperature chart</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="95"/>
        <source>护理记录</source>
        <translation>Nursing record</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="96"/>
        <source>交班报告</source>
        <translation>Handover report</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="97"/>
        <source>打印医嘱单</source>
        <translation>Print order sheet</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="98"/>
        <source>打印体温单</source>
        <translation>Print temperature chart</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="99"/>
        <source>检查数据库连接</source>
        <translation>Check database connection</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="103"/>
        <source>关于病区工作站</source>
        <translation>About WardStation</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="111"/>
        <source>后续版本提供</source>
        <translation>Available in a later version</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="175"/>
        <source>{action}（在病历的医嘱页按 {key}）</source>
        <translation>{action} (press {key} on a chart&apos;s Orders tab)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="102"/>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>BedCard</name>
    <message>
        <location filename="../../ui/ward_cards.py" line="89"/>
        <source>{bed}床</source>
        <translation>Bed {bed}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_cards.py" line="101"/>
        <source>空床</source>
        <translation>Empty</translation>
    </message>
    <message>
        <location filename="../../ui/ward_cards.py" line="120"/>
        <source>主治：{name}</source>
        <translation>Dr {name}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_cards.py" line="123"/>
        <source>过敏：{list}</source>
        <translation>Allergy: {list}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_cards.py" line="148"/>
        <source>危</source>
        <translation>C</translation>
    </message>
    <message>
        <location filename="../../ui/ward_cards.py" line="150"/>
        <source>重</source>
        <translation>S</translation>
    </message>
    <message>
        <location filename="../../ui/ward_cards.py" line="152"/>
        <source>敏</source>
        <translation>A</translation>
    </message>
</context>
<context>
    <name>BedTableModel</name>
    <message>
        <location filename="../../ui/ward_model.py" line="56"/>
        <source>床号</source>
        <translation>Bed</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="57"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="58"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="59"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="60"/>
        <source>住院天数</source>
        <translation>Days in hospital</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="61"/>
        <source>护理级别</source>
        <translation>Nursing grade</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="62"/>
        <source>病情</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="63"/>
        <source>过敏</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="64"/>
        <source>诊断</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="65"/>
        <source>主治医师</source>
        <translation>Attending</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="66"/>
        <source>住院号</source>
        <translation>MRN</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="67"/>
        <source>入院日期</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="105"/>
        <source>空床</source>
        <translation>Empty</translation>
    </message>
</context>
<context>
    <name>DemoAccountModel</name>
    <message>
        <location filename="../../ui/login.py" line="65"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="66"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="67"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>ErrorBox</name>
    <message>
        <location filename="../../ui/errorbox.py" line="71"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../ui/errorbox.py" line="72"/>
        <source>复制详细信息</source>
        <translation>Copy debug info</translation>
    </message>
    <message>
        <location filename="../../ui/errorbox.py" line="73"/>
        <source>详细信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/errorbox.py" line="74"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../ui/formatting.py" line="22"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="28"/>
        <source>男</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="30"/>
        <source>女</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="33"/>
        <source>未知</source>
        <translation>?</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="38"/>
        <source>{n}岁</source>
        <translation>{n} y</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="43"/>
        <source>特级护理</source>
        <translation>Special care</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="44"/>
        <source>一级护理</source>
        <translation>Grade 1 care</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="45"/>
        <source>二级护理</source>
        <translation>Grade 2 care</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="46"/>
        <source>三级护理</source>
        <translation>Grade 3 care</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="53"/>
        <source>特级</source>
        <translation>Special</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="54"/>
        <source>一级</source>
        <translation>Grade 1</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="55"/>
        <source>二级</source>
        <translation>Grade 2</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="56"/>
        <source>三级</source>
        <translation>Grade 3</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="64"/>
        <source>病危</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="66"/>
        <source>病重</source>
        <translation>Serious</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="74"/>
        <source>住院{n}天</source>
        <translation>Day {n}</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../ui/lock.py" line="86"/>
        <source>工作站已锁定</source>
        <translation>Workstation locked</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="87"/>
        <source>当前用户：{name}</source>
        <translation>Signed in: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="88"/>
        <source>输入密码解锁</source>
        <translation>Password to unlock</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="89"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="90"/>
        <source>切换用户</source>
        <translation>Switch user</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../ui/login.py" line="248"/>
        <source>病区工作站</source>
        <translation>WardStation</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="249"/>
        <source>住院医生 · 护士工作站</source>
        <translation>Inpatient doctor · nurse workstation</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="250"/>
        <source>用户名(&amp;U)：</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="251"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="252"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="253"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="254"/>
        <source>工号或用户名</source>
        <translation>Staff number or user name</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="255"/>
        <source>正在准备数据库，请稍候…</source>
        <translation>Preparing the database, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="256"/>
        <source>演示账号（单击填入）：</source>
        <translation>Demo accounts (click to fill in):</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="430"/>
        <source>关于病区工作站</source>
        <translation>About WardStation</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="431"/>
        <source>病区工作站 WardStation 0.1
住院医生工作站与护士工作站</source>
        <translation>WardStation 0.1
Inpatient doctor and nurse workstation</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="461"/>
        <source>病区工作站</source>
        <translation>WardStation</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="466"/>
        <source>病区一览</source>
        <translation>Ward overview</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="474"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="25"/>
        <source>用户名或密码错误</source>
        <translation>Wrong user name or password</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="27"/>
        <source>连续登录失败次数过多，账号已锁定，请于 {until} 后再试</source>
        <translation>Too many failed sign-ins: the account is locked until {until}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="29"/>
        <source>账号已停用，请联系信息科</source>
        <translation>This account is disabled; contact IT</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="30"/>
        <source>请输入用户名和密码</source>
        <translation>Enter user name and password</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32"/>
        <source>请由当前用户 {user} 解锁，或选择“切换用户”</source>
        <translation>Only {user} can unlock; or choose &quot;Switch user&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="33"/>
        <source>无法连接数据库，请检查网络或联系信息科</source>
        <translation>Cannot reach the database; check the network or contact IT</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="34"/>
        <source>数据库响应超时</source>
        <translation>The database did not answer in time</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50"/>
        <source>演示数据库不可用：{detail}</source>
        <translation>Demo database unavailable: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="52"/>
        <source>无法读取数据库配置 {name}：{detail}</source>
        <translation>Cannot read database profile {name}: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49"/>
        <location filename="../../ui/messages.py" line="54"/>
        <source>当前用户无此操作权限</source>
        <translation>You are not allowed to do this</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="35"/>
        <source>与数据库的连接已中断</source>
        <translation>The connection to the database was lost</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="36"/>
        <source>数据库拒绝了服务账号，请联系信息科</source>
        <translation>The database refused the service account; contact IT</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="37"/>
        <source>数据与已有记录冲突，未保存</source>
        <translation>This conflicts with an existing record; not saved</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>数据库出错，请联系信息科</source>
        <translation>Database error; contact IT</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39"/>
        <source>数据库地址无效：{reason}</source>
        <translation>Invalid database URL: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="41"/>
        <source>没有名为 {name} 的数据库配置</source>
        <translation>There is no database profile named {name}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43"/>
        <source>数据库配置名称无效：{name}</source>
        <translation>Invalid profile name: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="45"/>
        <source>无法读取配置文件 {path}</source>
        <translation>Cannot read the configuration file {path}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="48"/>
        <source>系统密钥环不可用，无法取得数据库密码（{cause}）</source>
        <translation>The system keyring is unavailable, so the database password cannot be read ({cause})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="56"/>
        <source>新密码至少 {min_len} 位，且不能与原密码相同</source>
        <translation>The new password needs at least {min_len} characters and must differ from the old one</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>数据库已由更新版本的程序升级（版本 {revision}），请升级本工作站程序</source>
        <translation>A newer version of the program upgraded the database (revision {revision}); update this workstation</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="61"/>
        <source>未知的数据库类型：{dialect}（可选：{known}）</source>
        <translation>Unknown database type: {dialect} (choose from {known})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="63"/>
        <source>数据库服务账号名称无效：{name}</source>
        <translation>Invalid database service account name: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="65"/>
        <source>记录不存在或已被删除</source>
        <translation>The record does not exist or has been deleted</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>该记录已被他人修改，请刷新后重试</source>
        <translation>Someone else changed this record; refresh and try again</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="67"/>
        <source>该操作此前未能执行，不会重复执行</source>
        <translation>This operation failed before and is not applied again</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="69"/>
        <source>本程序不支持该操作（{type}），请联系信息科</source>
        <translation>This program does not support the operation ({type}); contact IT</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="70"/>
        <source>请填写过敏物质</source>
        <translation>Enter the allergen</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71"/>
        <source>过敏记录的取值无效</source>
        <translation>Invalid value in the allergy record</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="72"/>
        <source>已登记过对 {substance} 的过敏</source>
        <translation>An allergy to {substance} is already recorded</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74"/>
        <source>护理级别无效：{grade}</source>
        <translation>Invalid nursing grade: {grade}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="76"/>
        <source>病情等级无效：{acuity}</source>
        <translation>Invalid patient condition: {acuity}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="78"/>
        <source>患者不在院，不能安排床位</source>
        <translation>The patient is not admitted; no bed can be assigned</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="79"/>
        <source>{bed_no} 床已停用</source>
        <translation>Bed {bed_no} is out of service</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="81"/>
        <source>{bed_no} 床已有患者</source>
        <translation>Bed {bed_no} is already occupied</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="84"/>
        <source>医嘱审核收到的数据有误（{where}：{problem}），请联系信息科</source>
        <translation>The order check received invalid data ({where}: {problem}); contact IT</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="87"/>
        <source>医嘱审核知识库有误：{file} 第 {line} 行：{problem}，请联系药学部或信息科</source>
        <translation>The order-check knowledge base has an error in {file} line {line}: {problem}; contact the pharmacy or IT</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="90"/>
        <source>有 {count} 条严重警示，须逐条填写理由后才能签署</source>
        <translation>{count} serious alerts need a reason each before signing</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="92"/>
        <source>系统密钥环不可用（{cause}），无法取得审计检查点密钥</source>
        <translation>The system keyring is unavailable ({cause}); the audit checkpoint key cannot be read</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="95"/>
        <source>本机密钥环中没有审计检查点密钥，请先在本机生成检查点</source>
        <translation>No audit checkpoint key in the keyring of this computer; make a checkpoint on this computer first</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="97"/>
        <source>无法读取审计检查点文件，或该文件不是审计检查点</source>
        <translation>The audit checkpoint file cannot be read or is not an audit checkpoint</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="99"/>
        <source>审计检查点的签名不符：文件被改动过，或由其他密钥生成</source>
        <translation>The signature of the audit checkpoint does not hold: the file was altered or made with another key</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="154"/>
        <source>医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="155"/>
        <source>实习医生</source>
        <translation>Intern</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="156"/>
        <source>护士</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="157"/>
        <source>护士长</source>
        <translation>Head nurse</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="158"/>
        <source>系统管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="180"/>
        <location filename="../../ui/messages.py" line="184"/>
        <source>操作失败（{id}）</source>
        <translation>Operation failed ({id})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="193"/>
        <source>发生意外错误：{detail}</source>
        <translation>Unexpected error: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="199"/>
        <source>给药途径</source>
        <translation>routes</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="200"/>
        <source>医嘱频次</source>
        <translation>frequencies</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="201"/>
        <source>检验项目</source>
        <translation>lab tests</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="202"/>
        <source>药品字典</source>
        <translation>drug dictionary</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="203"/>
        <source>医嘱项目</source>
        <translation>order items</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="204"/>
        <source>ICD-10 诊断字典</source>
        <translation>ICD-10 diagnoses</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="209"/>
        <source>演示病区</source>
        <translation>demo ward</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="211"/>
        <source>正在准备数据库，请稍候…</source>
        <translation>Preparing the database, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="211"/>
        <source>正在准备数据库：{step}</source>
        <translation>Preparing the database: {step}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="100"/>
        <source>请填写理由</source>
        <translation>Please give a reason</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="101"/>
        <source>理由过长（最多 {max} 字）</source>
        <translation>The reason is too long (at most {max} characters)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="103"/>
        <source>药品字典中没有该药品（{code}）</source>
        <translation>The drug is not in the dictionary ({code})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="105"/>
        <source>医嘱项目字典中没有该项目（{code}）</source>
        <translation>The item is not in the order dictionary ({code})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="107"/>
        <source>医嘱类别须为长期或临时</source>
        <translation>An order is either long-term or temporary</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="108"/>
        <source>医嘱类型无效</source>
        <translation>Unknown order category</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="109"/>
        <source>请填写医嘱内容</source>
        <translation>Please enter what is ordered</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="110"/>
        <source>请填写剂量</source>
        <translation>Please enter the dose</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="111"/>
        <source>剂量无效：须为大于 0 的合理数值</source>
        <translation>Impossible dose: it must be a sensible number above 0</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="112"/>
        <source>请填写剂量单位</source>
        <translation>Please enter the dose unit</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="113"/>
        <source>剂量单位 {unit} 不适用于该药品</source>
        <translation>The unit {unit} does not fit this drug</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="115"/>
        <source>请填写给药途径</source>
        <translation>Please enter the route</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="116"/>
        <source>未知的给药途径：{route}</source>
        <translation>Unknown route: {route}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="118"/>
        <source>{form}不能经 {route} 途径给药</source>
        <translation>A {form} cannot be given by route {route}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="120"/>
        <source>未知的频次：{freq}</source>
        <translation>Unknown frequency: {freq}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="122"/>
        <source>长期药品医嘱须填写频次</source>
        <translation>A long-term drug order needs a frequency</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123"/>
        <source>停止时间须晚于开始时间</source>
        <translation>The stop time must be after the start time</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="124"/>
        <source>首日次数须在 0 到 24 之间</source>
        <translation>Doses on the first day must be between 0 and 24</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="125"/>
        <source>医嘱用法类型无效（常规、prn、sos、出院带药）</source>
        <translation>Unknown order kind (regular, prn, sos, discharge)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="126"/>
        <source>请选择术后、分娩、转入、转出或重整医嘱</source>
        <translation>Choose post-op, delivery, transfer in, transfer out or reorganise</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="127"/>
        <source>该医嘱当前状态不允许此操作</source>
        <translation>This order&apos;s state does not allow that</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="128"/>
        <source>已签署的医嘱不能修改，请停止或作废后重开</source>
        <translation>A signed order cannot be changed: stop or void it and order again</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="129"/>
        <source>该医嘱不属于当前患者</source>
        <translation>The order belongs to another patient</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="130"/>
        <source>只有未签署的草稿可以删除</source>
        <translation>Only an unsigned draft can be deleted</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="131"/>
        <source>成组至少需要两条不同的医嘱</source>
        <translation>A group needs at least two different orders</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="132"/>
        <source>只有药品草稿可以成组</source>
        <translation>Only drug drafts can be grouped</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="133"/>
        <source>该医嘱已在组内</source>
        <translation>The order is already in a group</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="134"/>
        <source>同组医嘱须属同一患者且同为长期或临时</source>
        <translation>Orders in one group must be for one patient and of one term</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="135"/>
        <source>已签署的组不能拆开</source>
        <translation>A signed group cannot be split</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="136"/>
        <source>只有签署该医嘱的医生可以撤回</source>
        <translation>Only the doctor who signed it can withdraw it</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="137"/>
        <source>已执行的医嘱不能作废，请停止</source>
        <translation>An executed order cannot be voided: stop it</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="138"/>
        <source>没有要签署的医嘱</source>
        <translation>Nothing to sign</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="139"/>
        <source>该医嘱不是草稿或退回状态，不能签署</source>
        <translation>Only drafts and returned orders can be signed</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="140"/>
        <source>成组医嘱须整组签署</source>
        <translation>A group is signed as a whole</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="141"/>
        <source>您没有处方权，不能签署药品医嘱</source>
        <translation>You have no prescribing right for drug orders</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="142"/>
        <source>您没有麻醉药品和第一类精神药品处方权</source>
        <translation>You have no right to prescribe narcotics and class I psychotropics</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="143"/>
        <source>该医嘱不在待审批状态</source>
        <translation>The order is not waiting for approval</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="144"/>
        <source>您的抗菌药物处方权限低于该药品的分级</source>
        <translation>Your antibiotic grade is below this drug&apos;s</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="145"/>
        <source>组套名称不能为空，且不超过 {max} 字</source>
        <translation>A set needs a name of at most {max} characters</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="147"/>
        <source>组套范围须为个人、科室或全院</source>
        <translation>A set is personal, for the department or for the hospital</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="148"/>
        <source>请先选择要存为组套的医嘱</source>
        <translation>Select the orders to save as a set first</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="149"/>
        <source>没有勾选组套中的医嘱</source>
        <translation>No item of the set is ticked</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="150"/>
        <source>没有要审核的医嘱</source>
        <translation>Nothing to verify</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="152"/>
        <source>有 {count} 条高警示药品医嘱须再次核对确认后才能审核</source>
        <translation>{count} high-alert drug orders need a second look before they are verified</translation>
    </message>
    <message>
        <location filename="../../ui/messages_offline.py" line="13"/>
        <source>系统密钥环不可用，无法打开离线副本；离线队列已保留，请联系信息科</source>
        <translation>The system keyring is not available, so the offline copy cannot be opened; the offline queue is kept. Please contact IT.</translation>
    </message>
    <message>
        <location filename="../../ui/messages_offline.py" line="15"/>
        <source>密钥环中没有配置 {profile} 的离线副本密钥；离线队列已保留，请联系信息科</source>
        <translation>The keyring holds no key for the offline copy of {profile}; the offline queue is kept. Please contact IT.</translation>
    </message>
    <message>
        <location filename="../../ui/messages_offline.py" line="18"/>
        <source>离线副本无法读取（密钥不符或文件已损坏）：{path}；文件已保留，请联系信息科</source>
        <translation>The offline copy cannot be read (wrong key or damaged file): {path}; the file is kept. Please contact IT.</translation>
    </message>
    <message>
        <location filename="../../ui/messages_offline.py" line="21"/>
        <source>该文件不是本工作站配置的离线副本：{path}；文件已保留，请联系信息科</source>
        <translation>This file is not this workstation&apos;s offline copy: {path}; the file is kept. Please contact IT.</translation>
    </message>
    <message>
        <location filename="../../ui/messages_offline.py" line="24"/>
        <source>离线副本密钥格式无效；离线队列已保留，请联系信息科</source>
        <translation>The offline copy&apos;s key is malformed; the offline queue is kept. Please contact IT.</translation>
    </message>
</context>
<context>
    <name>OrderDialogs</name>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="143"/>
        <source>作废医嘱</source>
        <translation>Void order</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="146"/>
        <source>作废理由：</source>
        <translation>Reason for voiding:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="142"/>
        <source>停止医嘱</source>
        <translation>Stop order</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="225"/>
        <source>停止时间</source>
        <translation>Stop time</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="145"/>
        <source>停止时间：</source>
        <translation>Stop time:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="223"/>
        <source>剂量</source>
        <translation>Dose</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="222"/>
        <source>医嘱内容</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="198"/>
        <source>医嘱历史</source>
        <translation>Order history</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="257"/>
        <source>医嘱已被他人修改</source>
        <translation>Order changed by someone else</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="199"/>
        <source>原状态</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="151"/>
        <source>如 2026-05-01 08:30 或 08:30</source>
        <translation>e.g. 2026-05-01 08:30 or 08:30</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="224"/>
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="264"/>
        <source>当前</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="259"/>
        <source>您的操作未执行，未覆盖任何内容。下表左列是您看到的版本，右列是当前版本。</source>
        <translation>Your action was not carried out and nothing was overwritten. Left: the version you saw; right: the current one.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="262"/>
        <source>您看到的</source>
        <translation>You saw</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="200"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="200"/>
        <source>新状态</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="199"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="225"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="222"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="202"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="169"/>
        <source>请填写停止时间</source>
        <translation>Enter the stop time</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="145"/>
        <source>退回医嘱</source>
        <translation>Return order</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="148"/>
        <source>退回理由：</source>
        <translation>Reason for returning:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="223"/>
        <source>途径</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="262"/>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="224"/>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
</context>
<context>
    <name>OrderEntry</name>
    <message>
        <location filename="../../ui/orders/entry.py" line="329"/>
        <source>{field}：{message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="298"/>
        <source>{standby} 备用，{discharge} 出院带药，{verbal} 口头医嘱</source>
        <translation>{standby} as needed, {discharge} discharge medication, {verbal} verbal order</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="553"/>
        <source>不定</source>
        <translation>open-ended</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="290"/>
        <source>修改</source>
        <translation>Editing</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="547"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="540"/>
        <source>剂量</source>
        <translation>Dose</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="539"/>
        <source>医嘱内容(拼音首字母/中文/英文)</source>
        <translation>Order (pinyin initials / Chinese / English)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="541"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="294"/>
        <source>口头医嘱</source>
        <translation>Verbal order</translation>
    </message>
    <message>
        <location filename="../../ui/orders/matches.py" line="58"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="548"/>
        <source>嘱托</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="554"/>
        <source>如 lhn、头孢曲松、ceftriaxone</source>
        <translation>e.g. lhn, tbqs or ceftriaxone</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="546"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="291"/>
        <source>新开</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/orders/dialogs.py" line="166"/>
        <location filename="../../ui/orders/entry.py" line="519"/>
        <source>时间格式：08:30、05-01 08:30 或 2026-05-01 08:30</source>
        <translation>Time as 08:30, 05-01 08:30 or 2026-05-01 08:30</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="545"/>
        <source>滴速</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="552"/>
        <source>现在</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../ui/orders/matches.py" line="59"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/orders/matches.py" line="58"/>
        <source>规格</source>
        <translation>Package</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="542"/>
        <source>途径</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="307"/>
        <source>需皮试</source>
        <translation>skin test</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="543"/>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="544"/>
        <source>首日</source>
        <translation>1st day</translation>
    </message>
    <message>
        <location filename="../../ui/orders/entry.py" line="305"/>
        <source>高警示</source>
        <translation>high-alert</translation>
    </message>
</context>
<context>
    <name>OrderReview</name>
    <message>
        <location filename="../../ui/orders/review.py" line="284"/>
        <source> 等</source>
        <translation> and more</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="147"/>
        <source>{order}：{message}</source>
        <translation>{order}: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="402"/>
        <source>严重警示：逐条选择理由后才能签署</source>
        <translation>High alerts: choose a reason for each before signing</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="102"/>
        <source>医嘱</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="344"/>
        <source>将签署 {n} 条医嘱：严重 {high}，警告 {moderate}，提示 {low}</source>
        <translation>{n} orders to sign: {high} high, {moderate} warnings, {low} notes</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="122"/>
        <source>无警示</source>
        <translation>no alerts</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="361"/>
        <source>有 {n} 条严重警示须选择理由（选“其他”须填写说明）后才能签署</source>
        <translation>{n} high alerts need a reason (with text for &quot;Other&quot;) before signing</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="337"/>
        <source>正在审核 {n} 条医嘱…</source>
        <translation>Reviewing {n} orders…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="371"/>
        <source>正在签署…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="158"/>
        <source>理由说明（选“其他”时必填）</source>
        <translation>Explanation (required for &quot;Other&quot;)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="403"/>
        <source>签署 (Enter)</source>
        <translation>Sign (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="401"/>
        <source>签署前审核 (F9)</source>
        <translation>Review before signing (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="280"/>
        <source>签署后将停止其上的 {n} 条长期医嘱（待护士确认停止）</source>
        <translation>signing it stops the {n} long-term orders above it (the nurse confirms the stop)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="104"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="289"/>
        <source>红线医嘱“{names}”：{note}</source>
        <translation>Red-line order &quot;{names}&quot;: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="286"/>
        <source>红线医嘱“{names}”：{note}：{orders}{more}</source>
        <translation>Red-line order &quot;{names}&quot;: {note}: {orders}{more}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="103"/>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="105"/>
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="153"/>
        <source>请选择理由</source>
        <translation>Choose a reason</translation>
    </message>
    <message>
        <location filename="../../ui/orders/review.py" line="404"/>
        <source>返回 (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
</context>
<context>
    <name>OrderSets</name>
    <message>
        <location filename="../../ui/orders/sets.py" line="429"/>
        <source>Space 取消/恢复勾选 · Enter 将勾选的医嘱生成草稿 · Esc 返回组套列表</source>
        <translation>Space untick/tick · Enter makes drafts of the ticked orders · Esc back to the sets</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="344"/>
        <source>{name}（{scope}）</source>
        <translation>{name} ({scope})</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="524"/>
        <source>个人</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="436"/>
        <source>使用组套</source>
        <translation>Apply an order set</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="526"/>
        <source>全院（须管理员）</source>
        <translation>Hospital (administrators only)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="439"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="196"/>
        <source>医嘱内容</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="103"/>
        <source>医嘱数</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="438"/>
        <source>如 sqh、肺炎</source>
        <translation>e.g. sqh, pneumonia</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="516"/>
        <source>存为组套</source>
        <translation>Save as order set</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="518"/>
        <source>将以下 {n} 条医嘱存为组套（只存内容，不存状态）：</source>
        <translation>Save these {n} orders as a set (their content, not their state):</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="433"/>
        <source>打开 (Enter)</source>
        <translation>Open (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="104"/>
        <source>拼音</source>
        <translation>Pinyin</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="502"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="373"/>
        <source>正在生成草稿…</source>
        <translation>Making the drafts…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="322"/>
        <source>没有可用的组套</source>
        <translation>No order sets available</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="430"/>
        <source>生成草稿 (Enter)</source>
        <translation>Make drafts (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="194"/>
        <source>用</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="525"/>
        <source>科室</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="437"/>
        <source>筛选(拼音首字母/名称)：</source>
        <translation>Filter (pinyin initials / name):</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="194"/>
        <source>类</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="195"/>
        <source>组</source>
        <translation>Grp</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="102"/>
        <source>组套名称</source>
        <translation>Set name</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="519"/>
        <source>组套名称(&amp;N)：</source>
        <translation>Set &amp;name:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="102"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="520"/>
        <source>范围(&amp;S)：</source>
        <translation>&amp;Scope:</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sets.py" line="432"/>
        <source>输入拼音首字母或名称筛选 · ↑↓ 选择 · Enter 打开组套 · Esc 关闭</source>
        <translation>Type pinyin initials or a name to filter · ↑↓ choose · Enter opens the set · Esc closes</translation>
    </message>
</context>
<context>
    <name>OrderSheet</name>
    <message>
        <location filename="../../ui/orders/sheet.py" line="196"/>
        <source>{content}  取消</source>
        <translation>{content}  CANCELLED</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sheet.py" line="52"/>
        <source>停止日期</source>
        <translation>Stop date</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sheet.py" line="49"/>
        <source>医嘱内容</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sheet.py" line="50"/>
        <location filename="../../ui/orders/sheet.py" line="54"/>
        <source>医师签名</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sheet.py" line="56"/>
        <source>执行时间</source>
        <translation>Executed</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sheet.py" line="51"/>
        <location filename="../../ui/orders/sheet.py" line="55"/>
        <source>护士签名</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sheet.py" line="47"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sheet.py" line="48"/>
        <location filename="../../ui/orders/sheet.py" line="53"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sheet.py" line="46"/>
        <source>起始日期</source>
        <translation>Start date</translation>
    </message>
</context>
<context>
    <name>OrderTexts</name>
    <message>
        <location filename="../../ui/orders/texts.py" line="55"/>
        <source>上级医师确认</source>
        <translation>Confirmed by a senior doctor</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="44"/>
        <source>严重</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="192"/>
        <source>个人</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="38"/>
        <source>临</source>
        <translation>T</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="53"/>
        <source>临床获益大于风险</source>
        <translation>Clinical benefit outweighs the risk</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="39"/>
        <source>临时</source>
        <translation>Temporary</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="184"/>
        <source>临时备用 sos</source>
        <translation>As needed once (sos)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="26"/>
        <source>停止待确认</source>
        <translation>Stop to confirm</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="139"/>
        <source>停止时间</source>
        <translation>Stop time</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="194"/>
        <source>全院</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="59"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="185"/>
        <source>出院带药</source>
        <translation>Discharge medication</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="173"/>
        <source>分娩医嘱</source>
        <translation>Post-delivery orders</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="132"/>
        <source>剂量</source>
        <translation>Dose</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="131"/>
        <source>医嘱内容</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="133"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="68"/>
        <source>单次剂量</source>
        <translation>Single dose</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="72"/>
        <source>同类重复</source>
        <translation>Therapeutic duplication</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="77"/>
        <source>哺乳</source>
        <translation>Lactation</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="95"/>
        <location filename="../../ui/orders/texts.py" line="140"/>
        <source>嘱托</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="76"/>
        <source>妊娠</source>
        <translation>Pregnancy</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="28"/>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="27"/>
        <source>已停止</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="57"/>
        <source>已加强监测</source>
        <translation>Monitoring stepped up</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="23"/>
        <source>已审核</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="25"/>
        <source>已执行</source>
        <translation>Executed</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="21"/>
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="29"/>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="75"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="138"/>
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="22"/>
        <source>待审批</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="54"/>
        <source>患者既往已耐受</source>
        <translation>Tolerated before</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="94"/>
        <source>手术</source>
        <translation>Surgery</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="24"/>
        <source>执行中</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="58"/>
        <source>抢救需要</source>
        <translation>Needed for resuscitation</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="92"/>
        <source>护理</source>
        <translation>Nursing</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="46"/>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="69"/>
        <source>日剂量</source>
        <translation>Daily dose</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="82"/>
        <source>未能审核</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="172"/>
        <source>术后医嘱</source>
        <translation>Post-operative orders</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="90"/>
        <source>检查</source>
        <translation>Examination</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="89"/>
        <source>检验</source>
        <translation>Lab</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="81"/>
        <source>检验指标</source>
        <translation>Lab value</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="91"/>
        <source>治疗</source>
        <translation>Treatment</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="137"/>
        <source>滴速</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="141"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="79"/>
        <source>皮试</source>
        <translation>Skin test</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="67"/>
        <source>相互作用</source>
        <translation>Interaction</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="193"/>
        <source>科室</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="70"/>
        <source>给药途径</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="74"/>
        <source>肝功能</source>
        <translation>Hepatic</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="73"/>
        <source>肾功能</source>
        <translation>Renal</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="93"/>
        <source>膳食</source>
        <translation>Diet</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="20"/>
        <source>草稿(未签署)</source>
        <translation>Draft (unsigned)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="88"/>
        <source>药品</source>
        <translation>Drug</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="78"/>
        <source>药物-疾病</source>
        <translation>Drug-disease</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="45"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="174"/>
        <source>转入医嘱</source>
        <translation>Transfer-in orders</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="175"/>
        <source>转出医嘱</source>
        <translation>Transfer-out orders</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="66"/>
        <source>过敏</source>
        <translation>Allergy</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="56"/>
        <source>过敏史核实不成立</source>
        <translation>Allergy history checked and refuted</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="134"/>
        <source>途径</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="80"/>
        <source>配伍禁忌</source>
        <translation>IV incompatibility</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="71"/>
        <source>重复医嘱</source>
        <translation>Duplicate order</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="96"/>
        <source>重整/术后</source>
        <translation>Reorganize / post-op</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="176"/>
        <source>重整医嘱</source>
        <translation>Reorganized orders</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="36"/>
        <source>长</source>
        <translation>L</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="37"/>
        <source>长期</source>
        <translation>Long-term</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="183"/>
        <source>长期备用 prn</source>
        <translation>As needed (prn)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="135"/>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location filename="../../ui/orders/texts.py" line="136"/>
        <source>首日次数</source>
        <translation>First-day doses</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../../ui/orders/model.py" line="83"/>
        <source>作废：{reason}</source>
        <translation>Voided: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="72"/>
        <source>停止时间</source>
        <translation>Stop time</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="107"/>
        <source>出院带药：{content}</source>
        <translation>Discharge medication: {content}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="66"/>
        <source>剂量</source>
        <translation>Dose</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="65"/>
        <source>医嘱内容</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="91"/>
        <source>口头医嘱</source>
        <translation>Verbal order</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="73"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="71"/>
        <source>开嘱医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="64"/>
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="81"/>
        <source>护士退回：{reason}</source>
        <translation>Returned by nurse: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="70"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="63"/>
        <source>类</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="93"/>
        <source>红线：签署后停止其上的长期医嘱</source>
        <translation>Red line: signing it stops the long-term orders above it</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="62"/>
        <source>组</source>
        <translation>Grp</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="89"/>
        <source>警示已确认</source>
        <translation>alert overridden</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="67"/>
        <source>途径</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="87"/>
        <source>需皮试</source>
        <translation>skin test</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="68"/>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="69"/>
        <source>首日</source>
        <translation>1st day</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="85"/>
        <source>高警示</source>
        <translation>high-alert</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="194"/>
        <source>高警示药品：双人核对</source>
        <translation>High-alert drug: double check</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <location filename="../../ui/orders/tab.py" line="412"/>
        <source>临时</source>
        <translation>Temporary</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="424"/>
        <source>临时医嘱单</source>
        <translation>Temporary order sheet</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="398"/>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="397"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="410"/>
        <location filename="../../ui/orders/tab.py" line="415"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="214"/>
        <source>全院组套只能由管理员保存：{reason}</source>
        <translation>Only an administrator may save a hospital set: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="399"/>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="403"/>
        <source>医嘱列表</source>
        <translation>Order list</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="402"/>
        <source>医嘱单</source>
        <translation>Order sheet</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="401"/>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="413"/>
        <source>在用</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="395"/>
        <source>存为组套</source>
        <translation>Save as set</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="399"/>
        <source>审批</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="400"/>
        <source>审核</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="397"/>
        <source>审核签署</source>
        <translation>Review &amp; sign</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="185"/>
        <source>已从组套“{name}”生成 {n} 条草稿，按 F9 审核签署</source>
        <translation>{n} drafts made from the set &quot;{name}&quot;; F9 to review and sign</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="335"/>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="88"/>
        <source>已保存为草稿：{content}</source>
        <translation>Kept as a draft: {content}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="414"/>
        <source>已停</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="334"/>
        <source>已停止，待护士确认</source>
        <translation>Stopped; a nurse confirms</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="292"/>
        <source>已删除草稿</source>
        <translation>Draft deleted</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="206"/>
        <source>已存为组套：{name}</source>
        <translation>Saved as order set: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="324"/>
        <source>已审批</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="308"/>
        <source>已审核</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="271"/>
        <source>已开{heading}（草稿）：按 F9 签署，签署后其上的 {n} 条长期医嘱停止</source>
        <translation>{heading} drafted: F9 to sign; signing it stops the {n} long-term orders above it</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="135"/>
        <source>已成组 {n} 条医嘱</source>
        <translation>{n} orders grouped</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="159"/>
        <source>已拆组 {n} 条医嘱</source>
        <translation>Ungrouped {n} orders</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="300"/>
        <source>已撤回为草稿</source>
        <translation>Withdrawn to draft</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="316"/>
        <source>已确认停止</source>
        <translation>Stop confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="357"/>
        <source>已签署 {n} 条医嘱</source>
        <translation>{n} orders signed</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="337"/>
        <source>已退回医生</source>
        <translation>Returned to the doctor</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="394"/>
        <source>成组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="394"/>
        <source>拆组</source>
        <translation>Ungroup</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="398"/>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="393"/>
        <source>新开临时</source>
        <translation>New temporary</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="393"/>
        <source>新开长期</source>
        <translation>New long-term</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="439"/>
        <source>未连接数据库，医嘱已保留为草稿/未签署</source>
        <translation>Not connected to the database: the orders stay drafts / unsigned</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="440"/>
        <source>未连接数据库，本条医嘱未保存，录入内容已保留</source>
        <translation>Not connected to the database: this order was not saved; what you typed is kept</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="77"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="409"/>
        <source>状态(&amp;U)</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="401"/>
        <source>确认停止</source>
        <translation>Confirm stop</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="396"/>
        <source>红线医嘱</source>
        <translation>Red-line order</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="395"/>
        <source>组套</source>
        <translation>Order sets</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="106"/>
        <source>请先选择一条医嘱</source>
        <translation>Select one order first</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="199"/>
        <source>请先选择要存为组套的医嘱</source>
        <translation>Select the orders to save as a set first</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="153"/>
        <source>请选择一个成组的草稿再拆组 ({key})</source>
        <translation>Select a grouped draft to ungroup ({key})</translation>
    </message>
    <message>
        <location filename="../../ui/orders/commands.py" line="129"/>
        <source>请选择两条以上的药品草稿再成组 (Ctrl+G)</source>
        <translation>Select two or more drug drafts to group them (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="400"/>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="411"/>
        <source>长期</source>
        <translation>Long-term</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="408"/>
        <source>长期/临时(&amp;T)</source>
        <translation>&amp;Term</translation>
    </message>
    <message>
        <location filename="../../ui/orders/tab.py" line="423"/>
        <source>长期医嘱单</source>
        <translation>Long-term order sheet</translation>
    </message>
</context>
<context>
    <name>PatientHeader</name>
    <message>
        <location filename="../../ui/patient_header.py" line="110"/>
        <source>{ward} {bed}床</source>
        <translation>{ward}, bed {bed}</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="112"/>
        <source>{n}天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="124"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="130"/>
        <source>住院号</source>
        <translation>MRN</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="131"/>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="132"/>
        <source>入院日期</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="133"/>
        <source>住院天数</source>
        <translation>Days in hospital</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="134"/>
        <source>主治医师</source>
        <translation>Attending</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="135"/>
        <source>住院医师</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="136"/>
        <source>诊断</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="139"/>
        <location filename="../../ui/patient_header.py" line="140"/>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="140"/>
        <source>过敏史</source>
        <translation>Allergies</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <location filename="../../ui/patient_header.py" line="298"/>
        <location filename="../../ui/patient_header.py" line="308"/>
        <source>正在打开…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="298"/>
        <source>{bed}床 {name}</source>
        <translation>Bed {bed} {name}</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="303"/>
        <source>体温单</source>
        <translation>Temperature chart</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="301"/>
        <source>医嘱</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="204"/>
        <source>医嘱在此数据源上不可用</source>
        <translation>Orders are not available from this data source</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="305"/>
        <source>在后续版本提供</source>
        <translation>Arrives in a later version</translation>
    </message>
    <message>
        <location filename="../../ui/patient_header.py" line="302"/>
        <source>病历</source>
        <translation>Records</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="13"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="17"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="18"/>
        <source>从不</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="22"/>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="28"/>
        <source>无操作自动锁屏：</source>
        <translation>Lock when idle for:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="29"/>
        <source>连接检查间隔：</source>
        <translation>Connection check every:</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="138"/>
        <source>上一项</source>
        <translation>Previous field</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="137"/>
        <source>下一项</source>
        <translation>Next field</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="188"/>
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="160"/>
        <source>作废医嘱（填写理由）</source>
        <translation>Void the order (with a reason)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="189"/>
        <source>作用</source>
        <translation>What it does</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="144"/>
        <source>使用组套：个人、科室、全院组套，可按拼音首字母或名称筛选</source>
        <translation>Apply an order set: personal, department and hospital sets, filtered by pinyin initials or name</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="139"/>
        <source>保存为草稿（在最后一项按 Enter 亦可）</source>
        <translation>Keep as a draft (or Enter on the last field)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="159"/>
        <source>停止长期医嘱（填写停止时间）</source>
        <translation>Stop a long-term order (with a stop time)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="115"/>
        <source>全局</source>
        <translation>Everywhere</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="151"/>
        <source>关闭匹配列表；再按一次回到医嘱列表，录入内容保留</source>
        <translation>Close the match list; again: back to the orders, the row kept as typed</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="141"/>
        <source>出院带药（临时医嘱，医嘱单上列在“出院带药”下）；再按取消</source>
        <translation>Discharge medication (a temporary order, listed under its own heading on the sheet); again: off</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="154"/>
        <source>删除所选草稿</source>
        <translation>Delete the selected drafts</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="133"/>
        <source>刷新病区</source>
        <translation>Refresh the ward</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="117"/>
        <source>医嘱</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="164"/>
        <source>医嘱列表/医嘱单切换</source>
        <translation>Order list / order sheet</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="118"/>
        <source>医嘱录入</source>
        <translation>Order entry</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="121"/>
        <source>医嘱（护士）</source>
        <translation>Orders (nurse)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="142"/>
        <source>口头医嘱（抢救后补录）；再按取消</source>
        <translation>Verbal order (entered after a rescue); again: off</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="166"/>
        <source>在医嘱列表中扩展选择</source>
        <translation>Extend the selection in the order list</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="152"/>
        <source>在医嘱列表中：修改所选草稿或退回的医嘱</source>
        <translation>In the order list: edit the selected draft or returned order</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="157"/>
        <source>在各条严重警示的理由之间移动</source>
        <translation>Move between the reasons of the high alerts</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="131"/>
        <source>在筛选框中：打开第一个匹配患者的医嘱页（无匹配则不打开）</source>
        <translation>In the filter: open the first match&apos;s Orders tab (nothing opens without a match)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="145"/>
        <source>在组套列表中：选择组套，Enter 列出其医嘱（全部勾选）</source>
        <translation>In the set list: choose a set; Enter lists its orders (all ticked)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="146"/>
        <source>在组套医嘱中：勾选/取消当前医嘱</source>
        <translation>In a set&apos;s orders: tick/untick the current order</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="148"/>
        <source>在组套医嘱中：回到组套列表；在列表中：关闭</source>
        <translation>In a set&apos;s orders: back to the set list; in the list: close</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="147"/>
        <source>在组套医嘱中：将勾选的医嘱生成草稿（再按 F9 审核签署）</source>
        <translation>In a set&apos;s orders: make drafts of the ticked orders (then F9 to review and sign)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="140"/>
        <source>备用医嘱：长期为 prn，临时为 sos；再按取消</source>
        <translation>As-needed order: prn on a long-term order, sos on a temporary one; again: off</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="162"/>
        <source>审批抗菌药物医嘱（须有相应级别）</source>
        <translation>Approve antibiotic orders (needs the grade)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="155"/>
        <source>审核将签署的全部草稿（按医嘱、按级别列出警示）</source>
        <translation>Review every draft to be signed (alerts by order and severity)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="168"/>
        <source>审核所选医嘱</source>
        <translation>Verify the selected order</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="132"/>
        <source>床卡/列表切换</source>
        <translation>Bed cards / list</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="203"/>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="127"/>
        <source>快捷键一览</source>
        <translation>All keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="149"/>
        <source>所选医嘱存为组套（名称；个人或科室，全院须管理员）</source>
        <translation>Save the selected orders as a set (a name; personal or department, hospital for administrators)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="163"/>
        <source>所选医嘱的历史</source>
        <translation>History of the selected order</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="167"/>
        <source>所选医嘱的操作菜单</source>
        <translation>Actions menu of the selected order</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="153"/>
        <source>所选草稿成组（输液）</source>
        <translation>Group the selected drafts (one infusion)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="143"/>
        <source>拆开所选草稿所在的组</source>
        <translation>Ungroup the selected draft&apos;s group</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="188"/>
        <source>按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="161"/>
        <source>撤回（护士审核前）</source>
        <translation>Withdraw (before a nurse verified it)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="135"/>
        <source>新开临时医嘱（光标在医嘱内容）</source>
        <translation>New temporary order (cursor in the order search)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="134"/>
        <source>新开长期医嘱（光标在医嘱内容）</source>
        <translation>New long-term order (cursor in the order search)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="116"/>
        <source>病区一览</source>
        <translation>Ward overview</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="170"/>
        <source>确认停止</source>
        <translation>Confirm stop</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="130"/>
        <source>筛选：床号、姓名、拼音首字母或住院号</source>
        <translation>Filter: bed number, name, pinyin initials or inpatient number</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="119"/>
        <source>签署前审核</source>
        <translation>Review before signing</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="156"/>
        <source>签署（有严重警示时须先选择理由）</source>
        <translation>Sign (high alerts need a reason first)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="150"/>
        <source>红线医嘱：术后、分娩、转入、转出、重整医嘱（签署后停止其上的全部长期医嘱）</source>
        <translation>Red-line orders: post-operative, post-delivery, transfer in, transfer out, reorganized (signing stops every long-term order above)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="120"/>
        <source>组套</source>
        <translation>Order sets</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="136"/>
        <source>输入拼音首字母、中文或英文即列出匹配项；上下键选择，Enter 选中并带出剂量、单位、途径、频次、首日次数</source>
        <translation>Type pinyin initials, Chinese or English to list matches; Up/Down to choose, Enter picks and fills dose, unit, route, frequency and first-day doses</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="158"/>
        <source>返回，草稿保留</source>
        <translation>Back, drafts kept</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="129"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="169"/>
        <source>退回所选医嘱（填写理由）</source>
        <translation>Return the selected order (with a reason)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="128"/>
        <source>锁定屏幕</source>
        <translation>Lock the screen</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="165"/>
        <source>长期/临时筛选；在用/已停/全部筛选</source>
        <translation>Term filter; current / ended / all filter</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../ui/statusbar.py" line="52"/>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="53"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="54"/>
        <source>同步中</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="55"/>
        <source>连接中…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="58"/>
        <source>离线 — 数据截至 {time}</source>
        <translation>Offline — data as of {time}</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="61"/>
        <source>（待同步 {n}）</source>
        <translation> ({n} pending)</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="70"/>
        <source>用户：{name}（{roles}）</source>
        <translation>User: {name} ({roles})</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="73"/>
        <source>未登录</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="75"/>
        <source>演示数据库</source>
        <translation>Demo database</translation>
    </message>
    <message>
        <location filename="../../ui/statusbar.py" line="75"/>
        <source>数据库：{name}</source>
        <translation>Database: {name}</translation>
    </message>
</context>
<context>
    <name>WardView</name>
    <message>
        <location filename="../../ui/ward_view.py" line="231"/>
        <source>在院 {n}</source>
        <translation>Inpatients {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="232"/>
        <source>空床 {n}</source>
        <translation>Empty {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="233"/>
        <source>病危 {n}</source>
        <translation>Critical {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="234"/>
        <source>病重 {n}</source>
        <translation>Serious {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="235"/>
        <source>特级护理 {n}</source>
        <translation>Special care {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="236"/>
        <source>一级护理 {n}</source>
        <translation>Grade 1 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="237"/>
        <source>二级护理 {n}</source>
        <translation>Grade 2 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="238"/>
        <source>三级护理 {n}</source>
        <translation>Grade 3 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="239"/>
        <source>过敏 {n}</source>
        <translation>Allergies {n}</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="244"/>
        <source>病区(&amp;W)：</source>
        <translation>&amp;Ward:</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="246"/>
        <source>筛选：床号、姓名、拼音首字母、住院号 (Ctrl+F)</source>
        <translation>Filter: bed, name, pinyin initials, MRN (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="247"/>
        <source>床卡</source>
        <translation>Cards</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="248"/>
        <source>以床头卡显示</source>
        <translation>Show bed cards</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="249"/>
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="250"/>
        <source>以列表显示，可按列排序</source>
        <translation>Show a sortable list</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="181"/>
        <source>Enter 打开：{bed}床 {name}（{mrn}）</source>
        <translation>Enter opens: bed {bed} {name} ({mrn})</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="174"/>
        <source>{bed}床为空床</source>
        <translation>Bed {bed} is empty</translation>
    </message>
    <message>
        <location filename="../../ui/ward_view.py" line="175"/>
        <source>无匹配患者</source>
        <translation>No matching patient</translation>
    </message>
</context>
</TS>
