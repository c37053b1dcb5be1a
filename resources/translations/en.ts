<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Actions</name>
    <message>
        <source>系统(&amp;S)</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>病区(&amp;W)</source>
        <translation>&amp;Ward</translation>
    </message>
    <message>
        <source>医嘱(&amp;O)</source>
        <translation>&amp;Orders</translation>
    </message>
    <message>
        <source>病历(&amp;R)</source>
        <translation>&amp;Records</translation>
    </message>
    <message>
        <source>护理(&amp;N)</source>
        <translation>&amp;Nursing</translation>
    </message>
    <message>
        <source>打印(&amp;P)</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>管理(&amp;A)</source>
        <translation>&amp;Admin</translation>
    </message>
    <message>
        <source>语言 Language(&amp;G)</source>
        <translation>Lan&amp;guage 语言</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>锁定屏幕</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <source>切换用户</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>床卡/列表切换</source>
        <translation>Cards / list</translation>
    </message>
    <message>
        <source>医嘱录入</source>
        <translation>Order entry</translation>
    </message>
    <message>
        <source>医嘱签署</source>
        <translation>Sign orders</translation>
    </message>
    <message>
        <source>抗菌药物审批…</source>
        <translation>Antibiotic approvals…</translation>
    </message>
    <message>
        <source>医嘱核对</source>
        <translation>Verify orders</translation>
    </message>
    <message>
        <source>医嘱执行</source>
        <translation>Execute orders</translation>
    </message>
    <message>
        <source>病历书写</source>
        <translation>Write record</translation>
    </message>
    <message>
        <source>病历审签</source>
        <translation>Co-sign records</translation>
    </message>
    <message>
        <source>体温单查看</source>
        <translation>Temperature chart</translation>
    </message>
    <message>
        <source>护理记录</source>
        <translation>Nursing record</translation>
    </message>
    <message>
        <source>打印医嘱单</source>
        <translation>Print order sheet</translation>
    </message>
    <message>
        <source>打印体温单</source>
        <translation>Print temperature chart</translation>
    </message>
    <message>
        <source>检查数据库连接</source>
        <translation>Check database connection</translation>
    </message>
    <message>
        <source>关于病区工作站</source>
        <translation>About WardStation</translation>
    </message>
    <message>
        <source>后续版本提供</source>
        <translation>Available in a later version</translation>
    </message>
    <message>
        <source>{action}（在病历的医嘱页按 {key}）</source>
        <translation>{action} (press {key} on a chart&apos;s Orders tab)</translation>
    </message>
    <message>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>续打医嘱单</source>
        <translation>Continue printing the order sheet</translation>
    </message>
    <message>
        <source>待完成病历</source>
        <translation>Pending records</translation>
    </message>
    <message>
        <source>本科会诊</source>
        <translation>Consultations for my department</translation>
    </message>
    <message>
        <source>医生交接班</source>
        <translation>Doctors&apos; handover</translation>
    </message>
    <message>
        <source>体征录入</source>
        <translation>Vital signs entry</translation>
    </message>
    <message>
        <source>病区设置…</source>
        <translation>Ward settings…</translation>
    </message>
    <message>
        <source>离线冲突处理</source>
        <translation>Offline conflicts</translation>
    </message>
    <message>
        <source>护士交接班</source>
        <translation>Nurse shift handover</translation>
    </message>
    <message>
        <source>模板管理…</source>
        <translation>Templates…</translation>
    </message>
    <message>
        <source>确认危急值…</source>
        <translation>Acknowledge critical value…</translation>
    </message>
    <message>
        <source>转入申请</source>
        <translation>Incoming referrals</translation>
    </message>
</context>
<context>
    <name>Approvals</name>
    <message>
        <source>非限制使用级</source>
        <translation>Non-restricted</translation>
    </message>
    <message>
        <source>限制使用级</source>
        <translation>Restricted</translation>
    </message>
    <message>
        <source>特殊使用级</source>
        <translation>Special use</translation>
    </message>
    <message>
        <source>床号</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>医嘱内容</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>分级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>开立医生</source>
        <translation>Ordered by</translation>
    </message>
    <message>
        <source>签署时间</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <source>抗菌药物审批</source>
        <translation>Antibiotic approvals</translation>
    </message>
    <message>
        <source>本病区等待审批、且在您的抗菌药物处方权限（{grade}）以内的医嘱：</source>
        <translation>Orders of this ward waiting for an approval within your antibiotic privilege ({grade}):</translation>
    </message>
    <message>
        <source>审批通过 (Enter)</source>
        <translation>Approve (Enter)</translation>
    </message>
    <message>
        <source>打开病历 (Ctrl+O)</source>
        <translation>Open chart (Ctrl+O)</translation>
    </message>
    <message>
        <source>没有等待您审批的医嘱</source>
        <translation>No orders are waiting for your approval</translation>
    </message>
    <message>
        <source>正在审批…</source>
        <translation>Approving…</translation>
    </message>
    <message>
        <source>已审批 {n} 条</source>
        <translation>{n} approved</translation>
    </message>
</context>
<context>
    <name>BedCard</name>
    <message>
        <source>{bed}床</source>
        <translation>Bed {bed}</translation>
    </message>
    <message>
        <source>空床</source>
        <translation>Empty</translation>
    </message>
    <message>
        <source>主治：{name}</source>
        <translation>Dr {name}</translation>
    </message>
    <message>
        <source>过敏：{list}</source>
        <translation>Allergy: {list}</translation>
    </message>
    <message>
        <source>危</source>
        <translation>C</translation>
    </message>
    <message>
        <source>重</source>
        <translation>S</translation>
    </message>
    <message>
        <source>敏</source>
        <translation>A</translation>
    </message>
    <message>
        <source>核{n}</source>
        <translation>V{n}</translation>
    </message>
    <message>
        <source>超时{n}</source>
        <translation>Late{n}</translation>
    </message>
    <message>
        <source>病历{n}</source>
        <translation>Doc{n}</translation>
    </message>
    <message>
        <source>跌</source>
        <translation>F</translation>
    </message>
    <message>
        <source>压</source>
        <translation>PI</translation>
    </message>
    <message>
        <source>理</source>
        <translation>ADL</translation>
    </message>
    <message>
        <source>痛</source>
        <translation>P</translation>
    </message>
    <message>
        <source>评</source>
        <translation>R</translation>
    </message>
    <message>
        <source>待核对医嘱 {n} 条</source>
        <translation>{n} orders to verify</translation>
    </message>
    <message>
        <source>病历待完成 {n} 份</source>
        <translation>{n} documents due</translation>
    </message>
    <message>
        <source>（超时 {n} 份）</source>
        <translation> ({n} overdue)</translation>
    </message>
    <message>
        <source>跌倒高危</source>
        <translation>high fall risk</translation>
    </message>
    <message>
        <source>压疮高危</source>
        <translation>pressure-injury risk</translation>
    </message>
    <message>
        <source>重度依赖</source>
        <translation>severely dependent</translation>
    </message>
    <message>
        <source>疼痛≥4分</source>
        <translation>pain ≥ 4</translation>
    </message>
    <message>
        <source>疼痛</source>
        <translation>pain</translation>
    </message>
    <message>
        <source>{scales} 需再评估</source>
        <translation>{scales} reassessment due</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>危急值</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>危急值未确认 {n} 条</source>
        <translation>{n} critical values not acknowledged</translation>
    </message>
</context>
<context>
    <name>BedTableModel</name>
    <message>
        <source>床号</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>住院天数</source>
        <translation>Days in hospital</translation>
    </message>
    <message>
        <source>护理级别</source>
        <translation>Nursing grade</translation>
    </message>
    <message>
        <source>病情</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>过敏</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>诊断</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>主治医师</source>
        <translation>Attending</translation>
    </message>
    <message>
        <source>住院号</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>入院日期</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>空床</source>
        <translation>Empty</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>Flags</translation>
    </message>
</context>
<context>
    <name>ChartPrint</name>
    <message>
        <source>打印预览 — 体温单</source>
        <translation>Print preview — temperature chart</translation>
    </message>
    <message>
        <source>只打印当前周</source>
        <translation>Print this week only</translation>
    </message>
    <message>
        <source>第 {week} 周（共 {count} 周）  缩放 {zoom}%</source>
        <translation>Week {week} of {count}  Zoom {zoom}%</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>病情（病危/病重）</source>
        <translation>Condition (critical/serious)</translation>
    </message>
    <message>
        <source>护理级别</source>
        <translation>Nursing grade</translation>
    </message>
    <message>
        <source>过敏记录</source>
        <translation>Allergy record</translation>
    </message>
    <message>
        <source>过敏状态</source>
        <translation>Allergy status</translation>
    </message>
    <message>
        <source>换床</source>
        <translation>Bed move</translation>
    </message>
    <message>
        <source>医嘱执行</source>
        <translation>Order execution</translation>
    </message>
    <message>
        <source>医嘱审核</source>
        <translation>Order verification</translation>
    </message>
    <message>
        <source>病历草稿</source>
        <translation>Record draft</translation>
    </message>
    <message>
        <source>体征录入</source>
        <translation>Vital signs</translation>
    </message>
    <message>
        <source>病情</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>过敏物</source>
        <translation>Allergen</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>录入时所见版本</source>
        <translation>Version seen when typed</translation>
    </message>
    <message>
        <source>最后修改时间</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>床号</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>服务器的答复</source>
        <translation>Server&apos;s answer</translation>
    </message>
    <message>
        <source>录入人</source>
        <translation>Typed by</translation>
    </message>
    <message>
        <source>离线录入时间</source>
        <translation>Typed offline at</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>被拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>待处理的离线冲突：{n} 条</source>
        <translation>Offline conflicts to resolve: {n}</translation>
    </message>
    <message>
        <source>{name} 于 {at} 离线录入</source>
        <translation>typed offline by {name} at {at}</translation>
    </message>
    <message>
        <source>离线录入的内容</source>
        <translation>What was typed offline</translation>
    </message>
    <message>
        <source>服务器当前的内容</source>
        <translation>What the server holds now</translation>
    </message>
    <message>
        <source>保留服务器版本</source>
        <translation>Keep the server&apos;s version</translation>
    </message>
    <message>
        <source>以离线内容重新提交</source>
        <translation>Submit the offline change again</translation>
    </message>
    <message>
        <source>处理理由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>已处理：{bed}床 {name}</source>
        <translation>Resolved: bed {bed} {name}</translation>
    </message>
    <message>
        <source>离线冲突</source>
        <translation>Offline conflicts</translation>
    </message>
    <message>
        <source>保留服务器版本 ({key})</source>
        <translation>Keep the server&apos;s version ({key})</translation>
    </message>
    <message>
        <source>以离线内容重新提交 ({key})</source>
        <translation>Submit the offline change again ({key})</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已排除</source>
        <translation>Refuted</translation>
    </message>
    <message>
        <source>录入错误</source>
        <translation>Entered in error</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已签名</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>已审签</source>
        <translation>Co-signed</translation>
    </message>
    <message>
        <source>已修订</source>
        <translation>Amended</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>在院</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>已出院</source>
        <translation>Discharged</translation>
    </message>
    <message>
        <source>已转科</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>Died</translation>
    </message>
</context>
<context>
    <name>Consults</name>
    <message>
        <source>急</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <source>已超时</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>已接收（{who}）</source>
        <translation>Accepted ({who})</translation>
    </message>
    <message>
        <source>待接收</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>床号</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>患者</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>申请</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>会诊目的</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>申请会诊</source>
        <translation>Request a consultation</translation>
    </message>
    <message>
        <source>急会诊（10 分钟内到达）</source>
        <translation>Urgent (arrive within 10 minutes)</translation>
    </message>
    <message>
        <source>会诊科室</source>
        <translation>Department asked</translation>
    </message>
    <message>
        <source>会诊目的及病情摘要</source>
        <translation>Question and case summary</translation>
    </message>
    <message>
        <source>会诊意见</source>
        <translation>Consultation opinion</translation>
    </message>
    <message>
        <source>会诊意见（签名后记入患者病历）</source>
        <translation>Opinion (signed into the patient&apos;s record)</translation>
    </message>
    <message>
        <source>本科待处理会诊 {n} 条：Enter 接收，再按 Enter 书写会诊意见</source>
        <translation>{n} open consultations: Enter accepts, Enter again writes the opinion</translation>
    </message>
    <message>
        <source>会诊</source>
        <translation>Consultations</translation>
    </message>
</context>
<context>
    <name>Critical</name>
    <message>
        <source>{bed}床 {name}  {test} {value}{flag}  报告 {at}</source>
        <translation>Bed {bed} {name}  {test} {value}{flag}  reported {at}</translation>
    </message>
    <message>
        <source>危急值</source>
        <translation>Critical value</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>须由护士（或接到电话的医生）确认</source>
        <translation>To be acknowledged by a nurse (or the doctor who took the call)</translation>
    </message>
    <message>
        <source>另有 {n} 条危急值未确认</source>
        <translation>{n} more critical values not acknowledged</translation>
    </message>
    <message>
        <source>确认危急值</source>
        <translation>Acknowledge critical value</translation>
    </message>
    <message>
        <source>住院号</source>
        <translation>Inpatient no.</translation>
    </message>
    <message>
        <source>接收护士</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>已通知医生</source>
        <translation>Doctor informed</translation>
    </message>
    <message>
        <source>确认接收</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>请填写已通知的医生</source>
        <translation>Enter the doctor you informed</translation>
    </message>
    <message>
        <source>危急值：{test} {value}{flag}，报告时间 {at}。</source>
        <translation>Critical value: {test} {value}{flag}, reported {at}.</translation>
    </message>
    <message>
        <source>{when} 护士{nurse}接收，已通知{told}。</source>
        <translation>Taken by nurse {nurse} at {when}; {told} informed.</translation>
    </message>
    <message>
        <source>该危急值尚未由护士确认接收</source>
        <translation>This critical value has not been acknowledged by a nurse yet</translation>
    </message>
    <message>
        <source>危急值处理记录</source>
        <translation>Critical value note</translation>
    </message>
    <message>
        <source>本次住院没有待记录的危急值（未确认的须先由护士确认）</source>
        <translation>No critical value of this stay waits for a note (one not acknowledged must be acknowledged by a nurse first)</translation>
    </message>
    <message>
        <source>关联危急值</source>
        <translation>Link critical value</translation>
    </message>
    <message>
        <source>已关联危急值：{text}</source>
        <translation>Critical value linked: {text}</translation>
    </message>
</context>
<context>
    <name>DemoAccountModel</name>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>Diagnoses</name>
    <message>
        <source>入院诊断</source>
        <translation>Admission diagnoses</translation>
    </message>
    <message>
        <source>修正诊断</source>
        <translation>Working diagnoses</translation>
    </message>
    <message>
        <source>出院诊断</source>
        <translation>Discharge diagnoses</translation>
    </message>
    <message>
        <source>诊断</source>
        <translation>Diagnoses</translation>
    </message>
    <message>
        <source>输入拼音首字母、中文或 ICD-10 编码检索，↑ ↓ 选择，Enter 加入</source>
        <translation>Search by pinyin initials, Chinese, English or ICD-10 code; ↑ ↓ to choose, Enter to add</translation>
    </message>
    <message>
        <source>{kind}（{n}）</source>
        <translation>{kind} ({n})</translation>
    </message>
    <message>
        <source>（主要诊断）</source>
        <translation> (main diagnosis)</translation>
    </message>
    <message>
        <source>ICD-10：{name}</source>
        <translation>ICD-10: {name}</translation>
    </message>
    <message>
        <source>ICD-10 字典中没有与“{text}”匹配的诊断</source>
        <translation>No ICD-10 diagnosis matches &quot;{text}&quot;</translation>
    </message>
    <message>
        <source>请从检索结果中选择一个 ICD-10 诊断</source>
        <translation>Choose an ICD-10 diagnosis from the search results</translation>
    </message>
    <message>
        <source>已加入{kind}：{name}</source>
        <translation>Added to {kind}: {name}</translation>
    </message>
    <message>
        <source>修改诊断名称</source>
        <translation>Edit the diagnosis name</translation>
    </message>
    <message>
        <source>诊断名称（可补充部位、分型等，ICD-10：{code}）</source>
        <translation>Diagnosis name (add site, type and so on; ICD-10: {code})</translation>
    </message>
    <message>
        <source>删除误录的诊断</source>
        <translation>Remove a diagnosis entered in error</translation>
    </message>
    <message>
        <source>删除“{name}”，须填写原因（原记录保留备查）：</source>
        <translation>Remove &quot;{name}&quot;: give the reason (the entry is kept on record):</translation>
    </message>
    <message>
        <source>诊断已被他人修改，已显示最新内容，请重新操作</source>
        <translation>Someone else changed the diagnoses first; the latest are shown, please try again</translation>
    </message>
    <message>
        <source>ICD-10</source>
        <translation>ICD-10</translation>
    </message>
    <message>
        <source>诊断时间</source>
        <translation>Diagnosed at</translation>
    </message>
    <message>
        <source>医师</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>本次住院的诊断（每类第一条为主要诊断）</source>
        <translation>Diagnoses of this stay (the first of each list is the main diagnosis)</translation>
    </message>
    <message>
        <source>ICD-10 检索结果</source>
        <translation>ICD-10 search results</translation>
    </message>
    <message>
        <source>{add}：加入所选类别 · {kinds}：入院/修正/出院诊断 · {up}/{down}：上移/下移 · {rename}：修改名称 · {remove}：删除误录 · Tab：检索框与诊断列表之间切换 · Esc：关闭</source>
        <translation>{add}: add to the chosen list · {kinds}: admission/working/discharge · {up}/{down}: move up/down · {rename}: edit name · {remove}: remove entered in error · Tab: search box / list · Esc: close</translation>
    </message>
    <message>
        <source>仅医师可以增加或修改诊断</source>
        <translation>Only doctors can add or change diagnoses</translation>
    </message>
</context>
<context>
    <name>DocTypes</name>
    <message>
        <source>入院记录</source>
        <translation>Admission record</translation>
    </message>
    <message>
        <source>再次入院记录</source>
        <translation>Readmission record</translation>
    </message>
    <message>
        <source>24小时内入出院记录</source>
        <translation>Admission-discharge record (within 24 h)</translation>
    </message>
    <message>
        <source>24小时内入院死亡记录</source>
        <translation>Admission-death record (within 24 h)</translation>
    </message>
    <message>
        <source>首次病程记录</source>
        <translation>First progress note</translation>
    </message>
    <message>
        <source>日常病程记录</source>
        <translation>Daily progress note</translation>
    </message>
    <message>
        <source>上级医师首次查房记录</source>
        <translation>Senior physician&apos;s first round</translation>
    </message>
    <message>
        <source>交班记录</source>
        <translation>Hand-off note</translation>
    </message>
    <message>
        <source>接班记录</source>
        <translation>Take-over note</translation>
    </message>
    <message>
        <source>转出记录</source>
        <translation>Transfer-out note</translation>
    </message>
    <message>
        <source>转入记录</source>
        <translation>Transfer-in note</translation>
    </message>
    <message>
        <source>阶段小结</source>
        <translation>Interim summary</translation>
    </message>
    <message>
        <source>抢救记录</source>
        <translation>Resuscitation record</translation>
    </message>
    <message>
        <source>有创诊疗操作记录</source>
        <translation>Invasive procedure record</translation>
    </message>
    <message>
        <source>术前小结</source>
        <translation>Preoperative summary</translation>
    </message>
    <message>
        <source>术前讨论记录</source>
        <translation>Preoperative discussion</translation>
    </message>
    <message>
        <source>手术记录</source>
        <translation>Operation record</translation>
    </message>
    <message>
        <source>术后首次病程记录</source>
        <translation>First postoperative note</translation>
    </message>
    <message>
        <source>会诊记录</source>
        <translation>Consultation record</translation>
    </message>
    <message>
        <source>出院记录</source>
        <translation>Discharge record</translation>
    </message>
    <message>
        <source>死亡记录</source>
        <translation>Death record</translation>
    </message>
    <message>
        <source>死亡病例讨论记录</source>
        <translation>Death case discussion</translation>
    </message>
    <message>
        <source>危急值确认</source>
        <translation>Critical value acknowledgement</translation>
    </message>
    <message>
        <source>危急值处理记录（病程）</source>
        <translation>Critical value note (progress)</translation>
    </message>
</context>
<context>
    <name>ErrorBox</name>
    <message>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>复制详细信息</source>
        <translation>Copy debug info</translation>
    </message>
    <message>
        <source>详细信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ExtResults</name>
    <message>
        <source>检验</source>
        <translation>Lab</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Imaging</translation>
    </message>
    <message>
        <source>已互认（{doctor}）</source>
        <translation>Recognised ({doctor})</translation>
    </message>
    <message>
        <source>未互认</source>
        <translation>Not recognised</translation>
    </message>
    <message>
        <source>{inst}&#x3000;{name}&#x3000;{when}</source>
        <translation>{inst}  {name}  {when}</translation>
    </message>
    <message>
        <source>（参考 {range}）</source>
        <translation> (reference {range})</translation>
    </message>
    <message>
        <source>结论：{text}</source>
        <translation>Conclusion: {text}</translation>
    </message>
    <message>
        <source>{doctor} 于 {when} 互认</source>
        <translation>Recognised by {doctor} at {when}</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>互认</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <source>检验检查结果 {name}</source>
        <translation>Results {name}</translation>
    </message>
    <message>
        <source>获取外院结果 (F5)</source>
        <translation>Fetch external results (F5)</translation>
    </message>
    <message>
        <source>互认 (Ctrl+Enter)</source>
        <translation>Recognise (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>取消互认 (Ctrl+Enter)</source>
        <translation>Withdraw recognition (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>本院结果（本次住院）</source>
        <translation>Our results (this stay)</translation>
    </message>
    <message>
        <source>外院报告（医联体平台）</source>
        <translation>External reports (regional platform)</translation>
    </message>
    <message>
        <source>暂无外院报告：按 F5 从医联体平台获取</source>
        <translation>No external reports yet: press F5 to fetch them from the regional platform</translation>
    </message>
    <message>
        <source>正在从医联体平台获取外院结果…</source>
        <translation>Fetching external results from the regional platform…</translation>
    </message>
    <message>
        <source>平台无法访问：{why}</source>
        <translation>Platform unreachable: {why}</translation>
    </message>
    <message>
        <source>{n} 份报告无法识别，未显示</source>
        <translation>{n} report(s) could not be read and are not shown</translation>
    </message>
    <message>
        <source>平台上没有该患者的外院报告</source>
        <translation>The platform holds no external reports for this patient</translation>
    </message>
    <message>
        <source>已获取 {n} 份新报告</source>
        <translation>{n} new report(s) fetched</translation>
    </message>
    <message>
        <source>没有新的外院报告</source>
        <translation>No new external reports</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>男</source>
        <translation>M</translation>
    </message>
    <message>
        <source>女</source>
        <translation>F</translation>
    </message>
    <message>
        <source>未知</source>
        <translation>?</translation>
    </message>
    <message>
        <source>{n}岁</source>
        <translation>{n} y</translation>
    </message>
    <message>
        <source>特级护理</source>
        <translation>Special care</translation>
    </message>
    <message>
        <source>一级护理</source>
        <translation>Grade 1 care</translation>
    </message>
    <message>
        <source>二级护理</source>
        <translation>Grade 2 care</translation>
    </message>
    <message>
        <source>三级护理</source>
        <translation>Grade 3 care</translation>
    </message>
    <message>
        <source>特级</source>
        <translation>Special</translation>
    </message>
    <message>
        <source>一级</source>
        <translation>Grade 1</translation>
    </message>
    <message>
        <source>二级</source>
        <translation>Grade 2</translation>
    </message>
    <message>
        <source>三级</source>
        <translation>Grade 3</translation>
    </message>
    <message>
        <source>病危</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>病重</source>
        <translation>Serious</translation>
    </message>
    <message>
        <source>住院{n}天</source>
        <translation>Day {n}</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>新入院</source>
        <translation>new admission</translation>
    </message>
    <message>
        <source>病危</source>
        <translation>critical</translation>
    </message>
    <message>
        <source>病重</source>
        <translation>serious</translation>
    </message>
    <message>
        <source>术后</source>
        <translation>post-op</translation>
    </message>
    <message>
        <source>异常结果</source>
        <translation>abnormal results</translation>
    </message>
    <message>
        <source>病历超时</source>
        <translation>overdue records</translation>
    </message>
    <message>
        <source>不稳定</source>
        <translation>Unstable</translation>
    </message>
    <message>
        <source>需关注</source>
        <translation>Watcher</translation>
    </message>
    <message>
        <source>稳定</source>
        <translation>Stable</translation>
    </message>
    <message>
        <source>床号</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>患者</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>交班原因</source>
        <translation>Why on the list</translation>
    </message>
    <message>
        <source>病情</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>I 病情分级</source>
        <translation>I  Illness severity</translation>
    </message>
    <message>
        <source>P 病情摘要</source>
        <translation>P  Patient summary</translation>
    </message>
    <message>
        <source>A 待办事项</source>
        <translation>A  Action list</translation>
    </message>
    <message>
        <source>S 注意事项及应对</source>
        <translation>S  Situation awareness and contingency</translation>
    </message>
    <message>
        <source>异常结果：{v}</source>
        <translation>Abnormal results: {v}</translation>
    </message>
    <message>
        <source>超时病历：{v}</source>
        <translation>Overdue records: {v}</translation>
    </message>
    <message>
        <source>本病区尚无交班记录</source>
        <translation>No handover on this ward yet</translation>
    </message>
    <message>
        <source>{who} {at} 交班，待接班（Ctrl+Shift+Enter 接班）</source>
        <translation>Handed over by {who} at {at}, waiting to be taken over (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>{who} {at} 交班，{taker} {ack} 已接班</source>
        <translation>Handed over by {who} at {at}, taken over by {taker} at {ack}</translation>
    </message>
    <message>
        <source>{n} 位患者，Ctrl+Enter 交班</source>
        <translation>{n} patients, Ctrl+Enter hands over</translation>
    </message>
    <message>
        <source>医生交接班</source>
        <translation>Doctors&apos; handover</translation>
    </message>
    <message>
        <source>经治医师变更：接班医师接管此患者（交班前写交班记录，接班后 24 小时内写接班记录）</source>
        <translation>Change of responsible doctor: the receiving doctor takes this patient over (handing-over note before, taking-over note within 24 h)</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>工作站已锁定</source>
        <translation>Workstation locked</translation>
    </message>
    <message>
        <source>当前用户：{name}</source>
        <translation>Signed in: {name}</translation>
    </message>
    <message>
        <source>输入密码解锁</source>
        <translation>Password to unlock</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>切换用户</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>本病区有 {n} 条危急值未确认，请解锁后处理</source>
        <translation>{n} critical values on this ward are not acknowledged: unlock to take them</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>病区工作站</source>
        <translation>WardStation</translation>
    </message>
    <message>
        <source>住院医生 · 护士工作站</source>
        <translation>Inpatient doctor · nurse workstation</translation>
    </message>
    <message>
        <source>用户名(&amp;U)：</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>工号或用户名</source>
        <translation>Staff number or user name</translation>
    </message>
    <message>
        <source>正在准备数据库，请稍候…</source>
        <translation>Preparing the database, please wait…</translation>
    </message>
    <message>
        <source>演示账号（单击填入）：</source>
        <translation>Demo accounts (click to fill in):</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>关于病区工作站</source>
        <translation>About WardStation</translation>
    </message>
    <message>
        <source>病区工作站 WardStation 0.1
住院医生工作站与护士工作站</source>
        <translation>WardStation 0.1
Inpatient doctor and nurse workstation</translation>
    </message>
    <message>
        <source>病区工作站</source>
        <translation>WardStation</translation>
    </message>
    <message>
        <source>病区一览</source>
        <translation>Ward overview</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>体征录入</source>
        <translation>Vital signs entry</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>用户名或密码错误</source>
        <translation>Wrong user name or password</translation>
    </message>
    <message>
        <source>连续登录失败次数过多，账号已锁定，请于 {until} 后再试</source>
        <translation>Too many failed sign-ins: the account is locked until {until}</translation>
    </message>
    <message>
        <source>账号已停用，请联系信息科</source>
        <translation>This account is disabled; contact IT</translation>
    </message>
    <message>
        <source>请输入用户名和密码</source>
        <translation>Enter user name and password</translation>
    </message>
    <message>
        <source>请由当前用户 {user} 解锁，或选择“切换用户”</source>
        <translation>Only {user} can unlock; or choose &quot;Switch user&quot;</translation>
    </message>
    <message>
        <source>无法连接数据库，请检查网络或联系信息科</source>
        <translation>Cannot reach the database; check the network or contact IT</translation>
    </message>
    <message>
        <source>数据库响应超时</source>
        <translation>The database did not answer in time</translation>
    </message>
    <message>
        <source>演示数据库不可用：{detail}</source>
        <translation>Demo database unavailable: {detail}</translation>
    </message>
    <message>
        <source>无法读取数据库配置 {name}：{detail}</source>
        <translation>Cannot read database profile {name}: {detail}</translation>
    </message>
    <message>
        <source>当前用户无此操作权限</source>
        <translation>You are not allowed to do this</translation>
    </message>
    <message>
        <source>与数据库的连接已中断</source>
        <translation>The connection to the database was lost</translation>
    </message>
    <message>
        <source>数据库拒绝了服务账号，请联系信息科</source>
        <translation>The database refused the service account; contact IT</translation>
    </message>
    <message>
        <source>数据与已有记录冲突，未保存</source>
        <translation>This conflicts with an existing record; not saved</translation>
    </message>
    <message>
        <source>数据库出错，请联系信息科</source>
        <translation>Database error; contact IT</translation>
    </message>
    <message>
        <source>数据库地址无效：{reason}</source>
        <translation>Invalid database URL: {reason}</translation>
    </message>
    <message>
        <source>没有名为 {name} 的数据库配置</source>
        <translation>There is no database profile named {name}</translation>
    </message>
    <message>
        <source>数据库配置名称无效：{name}</source>
        <translation>Invalid profile name: {name}</translation>
    </message>
    <message>
        <source>无法读取配置文件 {path}</source>
        <translation>Cannot read the configuration file {path}</translation>
    </message>
    <message>
        <source>系统密钥环不可用，无法取得数据库密码（{cause}）</source>
        <translation>The system keyring is unavailable, so the database password cannot be read ({cause})</translation>
    </message>
    <message>
        <source>新密码至少 {min_len} 位，且不能与原密码相同</source>
        <translation>The new password needs at least {min_len} characters and must differ from the old one</translation>
    </message>
    <message>
        <source>数据库已由更新版本的程序升级（版本 {revision}），请升级本工作站程序</source>
        <translation>A newer version of the program upgraded the database (revision {revision}); update this workstation</translation>
    </message>
    <message>
        <source>未知的数据库类型：{dialect}（可选：{known}）</source>
        <translation>Unknown database type: {dialect} (choose from {known})</translation>
    </message>
    <message>
        <source>数据库服务账号名称无效：{name}</source>
        <translation>Invalid database service account name: {name}</translation>
    </message>
    <message>
        <source>记录不存在或已被删除</source>
        <translation>The record does not exist or has been deleted</translation>
    </message>
    <message>
        <source>该记录已被他人修改，请刷新后重试</source>
        <translation>Someone else changed this record; refresh and try again</translation>
    </message>
    <message>
        <source>该操作此前未能执行，不会重复执行</source>
        <translation>This operation failed before and is not applied again</translation>
    </message>
    <message>
        <source>本程序不支持该操作（{type}），请联系信息科</source>
        <translation>This program does not support the operation ({type}); contact IT</translation>
    </message>
    <message>
        <source>请填写过敏物质</source>
        <translation>Enter the allergen</translation>
    </message>
    <message>
        <source>过敏记录的取值无效</source>
        <translation>Invalid value in the allergy record</translation>
    </message>
    <message>
        <source>已登记过对 {substance} 的过敏</source>
        <translation>An allergy to {substance} is already recorded</translation>
    </message>
    <message>
        <source>护理级别无效：{grade}</source>
        <translation>Invalid nursing grade: {grade}</translation>
    </message>
    <message>
        <source>病情等级无效：{acuity}</source>
        <translation>Invalid patient condition: {acuity}</translation>
    </message>
    <message>
        <source>患者不在院，不能安排床位</source>
        <translation>The patient is not admitted; no bed can be assigned</translation>
    </message>
    <message>
        <source>{bed_no} 床已停用</source>
        <translation>Bed {bed_no} is out of service</translation>
    </message>
    <message>
        <source>{bed_no} 床已有患者</source>
        <translation>Bed {bed_no} is already occupied</translation>
    </message>
    <message>
        <source>医嘱审核收到的数据有误（{where}：{problem}），请联系信息科</source>
        <translation>The order check received invalid data ({where}: {problem}); contact IT</translation>
    </message>
    <message>
        <source>医嘱审核知识库有误：{file} 第 {line} 行：{problem}，请联系药学部或信息科</source>
        <translation>The order-check knowledge base has an error in {file} line {line}: {problem}; contact the pharmacy or IT</translation>
    </message>
    <message>
        <source>有 {count} 条严重警示，须逐条填写理由后才能签署</source>
        <translation>{count} serious alerts need a reason each before signing</translation>
    </message>
    <message>
        <source>系统密钥环不可用（{cause}），无法取得审计检查点密钥</source>
        <translation>The system keyring is unavailable ({cause}); the audit checkpoint key cannot be read</translation>
    </message>
    <message>
        <source>本机密钥环中没有审计检查点密钥，请先在本机生成检查点</source>
        <translation>No audit checkpoint key in the keyring of this computer; make a checkpoint on this computer first</translation>
    </message>
    <message>
        <source>无法读取审计检查点文件，或该文件不是审计检查点</source>
        <translation>The audit checkpoint file cannot be read or is not an audit checkpoint</translation>
    </message>
    <message>
        <source>审计检查点的签名不符：文件被改动过，或由其他密钥生成</source>
        <translation>The signature of the audit checkpoint does not hold: the file was altered or made with another key</translation>
    </message>
    <message>
        <source>医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>实习医生</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>护士</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <source>护士长</source>
        <translation>Head nurse</translation>
    </message>
    <message>
        <source>系统管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>操作失败（{id}）</source>
        <translation>Operation failed ({id})</translation>
    </message>
    <message>
        <source>发生意外错误：{detail}</source>
        <translation>Unexpected error: {detail}</translation>
    </message>
    <message>
        <source>给药途径</source>
        <translation>routes</translation>
    </message>
    <message>
        <source>医嘱频次</source>
        <translation>frequencies</translation>
    </message>
    <message>
        <source>检验项目</source>
        <translation>lab tests</translation>
    </message>
    <message>
        <source>药品字典</source>
        <translation>drug dictionary</translation>
    </message>
    <message>
        <source>医嘱项目</source>
        <translation>order items</translation>
    </message>
    <message>
        <source>ICD-10 诊断字典</source>
        <translation>ICD-10 diagnoses</translation>
    </message>
    <message>
        <source>演示病区</source>
        <translation>demo ward</translation>
    </message>
    <message>
        <source>正在准备数据库，请稍候…</source>
        <translation>Preparing the database, please wait…</translation>
    </message>
    <message>
        <source>正在准备数据库：{step}</source>
        <translation>Preparing the database: {step}</translation>
    </message>
    <message>
        <source>请填写理由</source>
        <translation>Please give a reason</translation>
    </message>
    <message>
        <source>理由过长（最多 {max} 字）</source>
        <translation>The reason is too long (at most {max} characters)</translation>
    </message>
    <message>
        <source>药品字典中没有该药品（{code}）</source>
        <translation>The drug is not in the dictionary ({code})</translation>
    </message>
    <message>
        <source>医嘱项目字典中没有该项目（{code}）</source>
        <translation>The item is not in the order dictionary ({code})</translation>
    </message>
    <message>
        <source>医嘱类别须为长期或临时</source>
        <translation>An order is either long-term or temporary</translation>
    </message>
    <message>
        <source>医嘱类型无效</source>
        <translation>Unknown order category</translation>
    </message>
    <message>
        <source>请填写医嘱内容</source>
        <translation>Please enter what is ordered</translation>
    </message>
    <message>
        <source>请填写剂量</source>
        <translation>Please enter the dose</translation>
    </message>
    <message>
        <source>剂量无效：须为大于 0 的合理数值</source>
        <translation>Impossible dose: it must be a sensible number above 0</translation>
    </message>
    <message>
        <source>请填写剂量单位</source>
        <translation>Please enter the dose unit</translation>
    </message>
    <message>
        <source>剂量单位 {unit} 不适用于该药品</source>
        <translation>The unit {unit} does not fit this drug</translation>
    </message>
    <message>
        <source>请填写给药途径</source>
        <translation>Please enter the route</translation>
    </message>
    <message>
        <source>未知的给药途径：{route}</source>
        <translation>Unknown route: {route}</translation>
    </message>
    <message>
        <source>{form}不能经 {route} 途径给药</source>
        <translation>A {form} cannot be given by route {route}</translation>
    </message>
    <message>
        <source>未知的频次：{freq}</source>
        <translation>Unknown frequency: {freq}</translation>
    </message>
    <message>
        <source>长期药品医嘱须填写频次</source>
        <translation>A long-term drug order needs a frequency</translation>
    </message>
    <message>
        <source>停止时间须晚于开始时间</source>
        <translation>The stop time must be after the start time</translation>
    </message>
    <message>
        <source>首日次数须在 0 到 24 之间</source>
        <translation>Doses on the first day must be between 0 and 24</translation>
    </message>
    <message>
        <source>医嘱用法类型无效（常规、prn、sos、出院带药）</source>
        <translation>Unknown order kind (regular, prn, sos, discharge)</translation>
    </message>
    <message>
        <source>请选择术后、分娩、转入、转出或重整医嘱</source>
        <translation>Choose post-op, delivery, transfer in, transfer out or reorganise</translation>
    </message>
    <message>
        <source>该医嘱当前状态不允许此操作</source>
        <translation>This order&apos;s state does not allow that</translation>
    </message>
    <message>
        <source>已签署的医嘱不能修改，请停止或作废后重开</source>
        <translation>A signed order cannot be changed: stop or void it and order again</translation>
    </message>
    <message>
        <source>该医嘱不属于当前患者</source>
        <translation>The order belongs to another patient</translation>
    </message>
    <message>
        <source>只有未签署的草稿可以删除</source>
        <translation>Only an unsigned draft can be deleted</translation>
    </message>
    <message>
        <source>成组至少需要两条不同的医嘱</source>
        <translation>A group needs at least two different orders</translation>
    </message>
    <message>
        <source>只有药品草稿可以成组</source>
        <translation>Only drug drafts can be grouped</translation>
    </message>
    <message>
        <source>该医嘱已在组内</source>
        <translation>The order is already in a group</translation>
    </message>
    <message>
        <source>同组医嘱须属同一患者且同为长期或临时</source>
        <translation>Orders in one group must be for one patient and of one term</translation>
    </message>
    <message>
        <source>已签署的组不能拆开</source>
        <translation>A signed group cannot be split</translation>
    </message>
    <message>
        <source>只有签署该医嘱的医生可以撤回</source>
        <translation>Only the doctor who signed it can withdraw it</translation>
    </message>
    <message>
        <source>已执行的医嘱不能作废，请停止</source>
        <translation>An executed order cannot be voided: stop it</translation>
    </message>
    <message>
        <source>没有要签署的医嘱</source>
        <translation>Nothing to sign</translation>
    </message>
    <message>
        <source>该医嘱不是草稿或退回状态，不能签署</source>
        <translation>Only drafts and returned orders can be signed</translation>
    </message>
    <message>
        <source>成组医嘱须整组签署</source>
        <translation>A group is signed as a whole</translation>
    </message>
    <message>
        <source>您没有处方权，不能签署药品医嘱</source>
        <translation>You have no prescribing right for drug orders</translation>
    </message>
    <message>
        <source>您没有麻醉药品和第一类精神药品处方权</source>
        <translation>You have no right to prescribe narcotics and class I psychotropics</translation>
    </message>
    <message>
        <source>该医嘱不在待审批状态</source>
        <translation>The order is not waiting for approval</translation>
    </message>
    <message>
        <source>您的抗菌药物处方权限低于该药品的分级</source>
        <translation>Your antibiotic grade is below this drug&apos;s</translation>
    </message>
    <message>
        <source>组套名称不能为空，且不超过 {max} 字</source>
        <translation>A set needs a name of at most {max} characters</translation>
    </message>
    <message>
        <source>组套范围须为个人、科室或全院</source>
        <translation>A set is personal, for the department or for the hospital</translation>
    </message>
    <message>
        <source>请先选择要存为组套的医嘱</source>
        <translation>Select the orders to save as a set first</translation>
    </message>
    <message>
        <source>没有勾选组套中的医嘱</source>
        <translation>No item of the set is ticked</translation>
    </message>
    <message>
        <source>没有要审核的医嘱</source>
        <translation>Nothing to verify</translation>
    </message>
    <message>
        <source>有 {count} 条高警示药品医嘱须再次核对确认后才能审核</source>
        <translation>{count} high-alert drug orders need a second look before they are verified</translation>
    </message>
    <message>
        <source>找不到中文字体，无法打印（请安装 fonts-wqy-zenhei）</source>
        <translation>No Chinese font found, cannot print (install fonts-wqy-zenhei)</translation>
    </message>
    <message>
        <source>无法写入文件：{path}</source>
        <translation>Cannot write the file: {path}</translation>
    </message>
    <message>
        <source>没有第 {page} 页（共 {pages} 页）</source>
        <translation>There is no page {page} (the sheet has {pages})</translation>
    </message>
    <message>
        <source>页码格式有误：{pages}</source>
        <translation>Bad page list: {pages}</translation>
    </message>
    <message>
        <source>没有住院号为 {mrn} 的患者</source>
        <translation>No patient with MRN {mrn}</translation>
    </message>
    <message>
        <source>该患者没有可打印的已签署医嘱</source>
        <translation>The patient has no signed orders to print</translation>
    </message>
    <message>
        <source>打印请求无效</source>
        <translation>Invalid print request</translation>
    </message>
    <message>
        <source>另一台电脑刚刚续打了该患者的医嘱单，请重新打印</source>
        <translation>Another workstation has just continued this patient&apos;s order sheet; print again</translation>
    </message>
    <message>
        <source>打印机无法开始打印：请检查打印机是否连接、是否有纸</source>
        <translation>The printer cannot start: check that it is connected and has paper</translation>
    </message>
    <message>
        <source>该执行项已取消（医嘱已停止或作废）</source>
        <translation>This item was cancelled (the order was stopped or voided)</translation>
    </message>
    <message>
        <source>医嘱已停止，不能执行</source>
        <translation>The order is stopped and cannot be executed</translation>
    </message>
    <message>
        <source>医嘱已作废，不能执行</source>
        <translation>The order is voided and cannot be executed</translation>
    </message>
    <message>
        <source>医嘱尚未经护士审核，不能执行</source>
        <translation>The order has not been verified by a nurse and cannot be executed</translation>
    </message>
    <message>
        <source>核对的患者与该执行项不符，请重新扫描腕带</source>
        <translation>The identified patient does not match this item; scan the wristband again</translation>
    </message>
    <message>
        <source>无效的执行记录类型</source>
        <translation>Invalid kind of execution record</translation>
    </message>
    <message>
        <source>请选择未执行的原因</source>
        <translation>Choose why it was not given</translation>
    </message>
    <message>
        <source>请填写说明或理由</source>
        <translation>Enter an explanation or a reason</translation>
    </message>
    <message>
        <source>执行时间不能晚于当前时间</source>
        <translation>The execution time cannot be in the future</translation>
    </message>
    <message>
        <source>执行时间不能早于医嘱开始时间</source>
        <translation>The execution time cannot be before the order&apos;s start</translation>
    </message>
    <message>
        <source>高警示药品和输血须双人核对，请填写核对护士</source>
        <translation>High-alert drugs and blood need a second nurse: enter the checking nurse</translation>
    </message>
    <message>
        <source>核对护士不能是本人</source>
        <translation>The checking nurse cannot be yourself</translation>
    </message>
    <message>
        <source>该工号无执行医嘱权限，不能作为核对护士</source>
        <translation>That user may not execute orders and cannot be the checking nurse</translation>
    </message>
    <message>
        <source>{substance}皮试结果未出或已失效，阴性结果后方可执行</source>
        <translation>No valid {substance} skin test result: it can be given after a negative result</translation>
    </message>
    <message>
        <source>{substance}皮试阳性（过敏），禁止执行</source>
        <translation>{substance} skin test positive (allergy): must not be given</translation>
    </message>
    <message>
        <source>尚未开始输液，不能记录结束</source>
        <translation>The infusion has not been started, so it cannot be finished</translation>
    </message>
    <message>
        <source>该执行记录已被更正</source>
        <translation>This execution record has already been corrected</translation>
    </message>
    <message>
        <source>该医嘱不是皮试医嘱</source>
        <translation>This order is not a skin test order</translation>
    </message>
    <message>
        <source>请填写皮试液批号</source>
        <translation>Enter the batch number of the test solution</translation>
    </message>
    <message>
        <source>该皮试已判读</source>
        <translation>This skin test has already been read</translation>
    </message>
    <message>
        <source>皮试结果只能是阴性或阳性</source>
        <translation>A skin test result is negative or positive</translation>
    </message>
    <message>
        <source>发药时间段无效</source>
        <translation>Invalid time window for the pharmacy request</translation>
    </message>
    <message>
        <source>该时间段内没有待发送的药品</source>
        <translation>Nothing left to send to the pharmacy in this time window</translation>
    </message>
    <message>
        <source>判读时间不能早于皮试时间</source>
        <translation>The reading time cannot be before the test was placed</translation>
    </message>
    <message>
        <source>以下必填项尚未填写：{titles}</source>
        <translation>These required sections are empty: {titles}</translation>
    </message>
    <message>
        <source>记录时间 {at} 晚于当前时间</source>
        <translation>The record time {at} is in the future</translation>
    </message>
    <message>
        <source>记录时间 {at} 早于入院时间 {admitted}</source>
        <translation>The record time {at} is before the admission at {admitted}</translation>
    </message>
    <message>
        <source>未知的病历类型：{type}</source>
        <translation>Unknown document type: {type}</translation>
    </message>
    <message>
        <source>该病历已签名，修改请使用“修订”</source>
        <translation>This record is signed: change it with Revise</translation>
    </message>
    <message>
        <source>只有书写者本人可以签名此病历</source>
        <translation>Only the author can sign this record</translation>
    </message>
    <message>
        <source>该病历无需或已完成审签</source>
        <translation>This record needs no co-signature or has one already</translation>
    </message>
    <message>
        <source>不能审签自己书写的病历</source>
        <translation>You cannot co-sign your own record</translation>
    </message>
    <message>
        <source>请填写修订原因</source>
        <translation>Enter the reason for the revision</translation>
    </message>
    <message>
        <source>病历尚未签名，请直接编辑后签名</source>
        <translation>This record is not signed yet: edit it and sign</translation>
    </message>
    <message>
        <source>只有书写者本人或上级医师可以修订已签名的病历</source>
        <translation>Only the author or a senior doctor may revise a signed record</translation>
    </message>
    <message>
        <source>请填写会诊目的及病情摘要</source>
        <translation>Enter the question and a summary of the case</translation>
    </message>
    <message>
        <source>该会诊已完成或已取消</source>
        <translation>This consultation is already answered or cancelled</translation>
    </message>
    <message>
        <source>该会诊邀请的不是您或您的科室</source>
        <translation>This consultation was not asked of you or your department</translation>
    </message>
    <message>
        <source>交班名单为空</source>
        <translation>The handover list is empty</translation>
    </message>
    <message>
        <source>每位患者须填写病情分级和病情摘要</source>
        <translation>Every patient needs a severity and a summary</translation>
    </message>
    <message>
        <source>该交班已被接班</source>
        <translation>This handover has been taken over already</translation>
    </message>
    <message>
        <source>交班医师本人不能接班，或该交班指定了其他接班医师</source>
        <translation>The handing doctor cannot take over, or the handover names another doctor</translation>
    </message>
    <message>
        <source>{item} {value} 不可能，可录入范围 {low}–{high}</source>
        <translation>{item} {value} is impossible; allowed range {low}–{high}</translation>
    </message>
    <message>
        <source>{item} {value} 超出常见范围，请再次录入确认</source>
        <translation>{item} {value} is outside the usual range; enter it again to confirm</translation>
    </message>
    <message>
        <source>舒张压 {value} 须低于收缩压 {sbp}</source>
        <translation>Diastolic {value} must be below systolic {sbp}</translation>
    </message>
    <message>
        <source>{item}：“{text}”不是数值</source>
        <translation>{item}: &quot;{text}&quot; is not a number</translation>
    </message>
    <message>
        <source>{item} 精确到 {step}</source>
        <translation>{item} is entered in steps of {step}</translation>
    </message>
    <message>
        <source>未知的体征项目 {item}</source>
        <translation>Unknown vital sign item {item}</translation>
    </message>
    <message>
        <source>{item} 不能记为“{code}”</source>
        <translation>{item} cannot be charted as &quot;{code}&quot;</translation>
    </message>
    <message>
        <source>体温测量部位无效：{method}</source>
        <translation>Invalid temperature site: {method}</translation>
    </message>
    <message>
        <source>大便次数“{text}”无法识别（例：0、1/E、1 1/E、4/2E、※、☆）</source>
        <translation>Stool count &quot;{text}&quot; not understood (e.g. 0, 1/E, 1 1/E, 4/2E, * incontinence, stoma)</translation>
    </message>
    <message>
        <source>未知的事件 {code}</source>
        <translation>Unknown event {code}</translation>
    </message>
    <message>
        <source>测量时间不能晚于现在</source>
        <translation>The measurement time cannot be in the future</translation>
    </message>
    <message>
        <source>测量时间不能早于入院时间</source>
        <translation>The measurement time cannot be before the admission</translation>
    </message>
    <message>
        <source>{item} 请录入数值或一种标记，二者取一</source>
        <translation>{item}: enter either a value or a code, not both</translation>
    </message>
    <message>
        <source>该数值已被他人更正，请刷新后查看</source>
        <translation>Someone else corrected this value first; refresh to see it</translation>
    </message>
    <message>
        <source>没有可保存的体征</source>
        <translation>Nothing to save</translation>
    </message>
    <message>
        <source>同一数值不能在一次保存中更正两次</source>
        <translation>The same value cannot be corrected twice in one save</translation>
    </message>
    <message>
        <source>请填写作废原因</source>
        <translation>Please give the reason for striking it</translation>
    </message>
    <message>
        <source>未知的评估量表 {scale}</source>
        <translation>Unknown assessment scale {scale}</translation>
    </message>
    <message>
        <source>量表中没有条目 {item}</source>
        <translation>The scale has no item {item}</translation>
    </message>
    <message>
        <source>评估条目“{item}”未填写</source>
        <translation>Assessment item &quot;{item}&quot; is not filled in</translation>
    </message>
    <message>
        <source>评估条目“{item}”的分值 {value} 无效（可选 {allowed}）</source>
        <translation>Assessment item &quot;{item}&quot;: {value} is not a valid score ({allowed})</translation>
    </message>
    <message>
        <source>系统密钥环不可用，无法打开离线副本；离线队列已保留，请联系信息科</source>
        <translation>The system keyring is not available, so the offline copy cannot be opened; the offline queue is kept. Please contact IT.</translation>
    </message>
    <message>
        <source>密钥环中没有配置 {profile} 的离线副本密钥；离线队列已保留，请联系信息科</source>
        <translation>The keyring holds no key for the offline copy of {profile}; the offline queue is kept. Please contact IT.</translation>
    </message>
    <message>
        <source>离线副本无法读取（密钥不符或文件已损坏）：{path}；文件已保留，请联系信息科</source>
        <translation>The offline copy cannot be read (wrong key or damaged file): {path}; the file is kept. Please contact IT.</translation>
    </message>
    <message>
        <source>该文件不是本工作站配置的离线副本：{path}；文件已保留，请联系信息科</source>
        <translation>This file is not this workstation&apos;s offline copy: {path}; the file is kept. Please contact IT.</translation>
    </message>
    <message>
        <source>离线副本密钥格式无效；离线队列已保留，请联系信息科</source>
        <translation>The offline copy&apos;s key is malformed; the offline queue is kept. Please contact IT.</translation>
    </message>
    <message>
        <source>{field}须为 {low}–{high} 的整数</source>
        <translation>{field} must be a whole number from {low} to {high}</translation>
    </message>
    <message>
        <source>{field}只能为“是”或“否”</source>
        <translation>{field} can only be yes or no</translation>
    </message>
    <message>
        <source>频次 {code} 不在频次字典中</source>
        <translation>Frequency {code} is not in the frequency dictionary</translation>
    </message>
    <message>
        <source>{field}：“{value}”不是有效时间，请按 HH:MM 填写，多个用逗号分隔</source>
        <translation>{field}: &quot;{value}&quot; is not a time; write HH:MM, several separated by commas</translation>
    </message>
    <message>
        <source>{field}：时间重复</source>
        <translation>{field}: a time is given twice</translation>
    </message>
    <message>
        <source>频次 {code} 每日 {n} 次，请填写 {n} 个时间</source>
        <translation>Frequency {code} is {n} times a day: give {n} times</translation>
    </message>
    <message>
        <source>未知的病区设置：{field}</source>
        <translation>Unknown ward setting: {field}</translation>
    </message>
    <message>
        <source>{field}已被他人修改，请重新打开病区设置后再保存</source>
        <translation>{field} was changed by someone else meanwhile; it has been read again, check it and save again</translation>
    </message>
    <message>
        <source>服务器连接中断：离线时只能登录曾在本机联网登录过的用户</source>
        <translation>The server cannot be reached: offline, only users who signed in on this PC before can sign in</translation>
    </message>
    <message>
        <source>请选择保留服务器版本或重新提交</source>
        <translation>Choose to keep the server&apos;s version or to submit again</translation>
    </message>
    <message>
        <source>请填写处理理由</source>
        <translation>Please give a reason</translation>
    </message>
    <message>
        <source>该冲突已由他人处理</source>
        <translation>Someone else has resolved this conflict</translation>
    </message>
    <message>
        <source>{field}：“{value}”不是可选项</source>
        <translation>{field}: “{value}” is not one of the choices</translation>
    </message>
    <message>
        <source>{field} {value} mm 无效，可录入 {low}–{high} mm，每 0.5 mm</source>
        <translation>{field} {value} mm is not valid: {low}–{high} mm in 0.5 mm steps</translation>
    </message>
    <message>
        <source>{field} {value} ml 无效，每项可录入 {low}–{high} ml 的整数</source>
        <translation>{field} {value} ml is not valid: whole ml from {low} to {high} per item</translation>
    </message>
    <message>
        <source>血压请录入收缩压/舒张压，如 120/80</source>
        <translation>Enter the blood pressure as systolic/diastolic, e.g. 120/80</translation>
    </message>
    <message>
        <source>{field}最多 {max} 字</source>
        <translation>{field}: at most {max} characters</translation>
    </message>
    <message>
        <source>这一行没有可保存的内容</source>
        <translation>This line has nothing to save</translation>
    </message>
    <message>
        <source>护理记录类型无效：{value}</source>
        <translation>Invalid nursing record type: {value}</translation>
    </message>
    <message>
        <source>请填写原因</source>
        <translation>Please give the reason</translation>
    </message>
    <message>
        <source>该记录已被更正或作废，请查看最新记录</source>
        <translation>This line has already been corrected or voided; see the latest record</translation>
    </message>
    <message>
        <source>记录时间不能晚于现在</source>
        <translation>The time cannot be later than now</translation>
    </message>
    <message>
        <source>记录时间不能早于入院时间</source>
        <translation>The time cannot be before the admission</translation>
    </message>
    <message>
        <source>时间“{text}”无法识别，请录入 HH:MM 或 MM-DD HH:MM</source>
        <translation>Time “{text}” not understood: enter HH:MM or MM-DD HH:MM</translation>
    </message>
    <message>
        <source>ICD-10 字典中没有编码 {code}，请从检索结果中选择</source>
        <translation>The ICD-10 dictionary has no code {code}; choose one from the search results</translation>
    </message>
    <message>
        <source>请选择诊断的 ICD-10 编码</source>
        <translation>Choose the ICD-10 code of the diagnosis</translation>
    </message>
    <message>
        <source>诊断名称过长：最多 {max} 个字</source>
        <translation>The diagnosis name is too long: at most {max} characters</translation>
    </message>
    <message>
        <source>诊断类别无效：{kind}（入院、修正或出院诊断）</source>
        <translation>Invalid diagnosis list: {kind} (admission, working or discharge)</translation>
    </message>
    <message>
        <source>诊断时间不能晚于现在</source>
        <translation>The diagnosis time cannot be in the future</translation>
    </message>
    <message>
        <source>诊断时间不能早于入院时间</source>
        <translation>The diagnosis time cannot be before the admission</translation>
    </message>
    <message>
        <source>该类诊断中已有“{name}”</source>
        <translation>&quot;{name}&quot; is already in this list</translation>
    </message>
    <message>
        <source>诊断名称与编码均未改变</source>
        <translation>Neither the name nor the code has changed</translation>
    </message>
    <message>
        <source>该诊断已被修改或删除，请查看最新的诊断</source>
        <translation>This diagnosis was changed or removed; look at the latest diagnoses</translation>
    </message>
    <message>
        <source>请填写删除原因</source>
        <translation>Give the reason for the removal</translation>
    </message>
    <message>
        <source>删除原因过长：最多 {max} 个字</source>
        <translation>The reason is too long: at most {max} characters</translation>
    </message>
    <message>
        <source>诊断排序无效，请刷新后重试</source>
        <translation>Invalid diagnosis order; refresh and try again</translation>
    </message>
    <message>
        <source>该类诊断已被他人增删，请查看最新的诊断后再排序</source>
        <translation>Someone else added or removed a diagnosis in this list; look at the latest before reordering</translation>
    </message>
    <message>
        <source>移除附材须填写理由</source>
        <translation>A reason is required to remove a consumable</translation>
    </message>
    <message>
        <source>该附材已被移除</source>
        <translation>This consumable has already been removed</translation>
    </message>
    <message>
        <source>附材字典中没有此项或已停用</source>
        <translation>Not in the consumables dictionary, or retired</translation>
    </message>
    <message>
        <source>附材数量须大于 0 且不超过 999</source>
        <translation>The quantity must be above 0 and at most 999</translation>
    </message>
    <message>
        <source>规则编码不能为空，且不超过 30 个字符</source>
        <translation>The rule code must not be empty and at most 30 characters</translation>
    </message>
    <message>
        <source>规则编码已被另一条规则使用</source>
        <translation>Another rule already uses this code</translation>
    </message>
    <message>
        <source>计量方式须为：每次执行、每天或每条医嘱</source>
        <translation>Per must be: each execution, each day or each order</translation>
    </message>
    <message>
        <source>没有此给药途径</source>
        <translation>No such route</translation>
    </message>
    <message>
        <source>无效的医嘱类别</source>
        <translation>Invalid order category</translation>
    </message>
    <message>
        <source>没有此诊疗项目</source>
        <translation>No such order item</translation>
    </message>
    <message>
        <source>规则须至少限定途径、类别、项目或剂型之一</source>
        <translation>A rule must name at least a route, category, item or dosage form</translation>
    </message>
    <message>
        <source>优先级须在 0 到 9999 之间</source>
        <translation>The priority must be between 0 and 9999</translation>
    </message>
    <message>
        <source>没有代码为 {ward} 的病区</source>
        <translation>No ward with code {ward}</translation>
    </message>
    <message>
        <source>病区 {ward} 当前没有在院患者，无可打印内容</source>
        <translation>Ward {ward} has no current patients: nothing to print</translation>
    </message>
    <message>
        <source>周数须为从 1 起的整数：{weeks}</source>
        <translation>Weeks must be a whole number from 1: {weeks}</translation>
    </message>
    <message>
        <source>本病区没有“{shift}”这个班次</source>
        <translation>This ward has no shift “{shift}”</translation>
    </message>
    <message>
        <source>该班次 {start} 才开始，不能提前交班</source>
        <translation>This shift only starts at {start}: it cannot be handed over yet</translation>
    </message>
    <message>
        <source>交班患者的类别无效，请刷新后重试</source>
        <translation>A patient&apos;s handover category is invalid; refresh and try again</translation>
    </message>
    <message>
        <source>内容过长（每项最多 {limit} 字）</source>
        <translation>Too long (at most {limit} characters per field)</translation>
    </message>
    <message>
        <source>本班已由 {by} 于 {at} 交班签名，不能再修改或再次交班</source>
        <translation>{by} already signed this shift&apos;s handover at {at}: it can no longer be changed or handed over again</translation>
    </message>
    <message>
        <source>您已于 {at} 交班签名，不能重复签名</source>
        <translation>You already signed this handover at {at}: it cannot be signed twice</translation>
    </message>
    <message>
        <source>人数不符：原有+入院+转入−出院−转出−死亡 = {expected}，现有 {current}。请核对，或在“差异说明”中写明原因后再交班</source>
        <translation>The numbers do not add up: start + admitted + transferred in − discharged − transferred out − died = {expected}, but {current} are on the ward. Check them, or write the reason under “Explanation” before handing over</translation>
    </message>
    <message>
        <source>本班尚未交班签名，不能接班</source>
        <translation>This shift has not been handed over yet: it cannot be received</translation>
    </message>
    <message>
        <source>本班已由 {by} 于 {at} 接班</source>
        <translation>{by} already received this shift at {at}</translation>
    </message>
    <message>
        <source>交班护士不能为自己接班：须由另一位护士登录后接班签名</source>
        <translation>The handing nurse cannot receive her own handover: another nurse must sign in and sign as receiver</translation>
    </message>
    <message>
        <source>请填写模板名称</source>
        <translation>Enter the template&apos;s name</translation>
    </message>
    <message>
        <source>模板名称不能超过 {max} 个字</source>
        <translation>The template name may have at most {max} characters</translation>
    </message>
    <message>
        <source>模板至少要有一个段落</source>
        <translation>A template needs at least one section</translation>
    </message>
    <message>
        <source>第 {n} 段为必填段落，须填写标题</source>
        <translation>Section {n} is required and needs a title</translation>
    </message>
    <message>
        <source>第 {n} 段没有标题</source>
        <translation>Section {n} has no title</translation>
    </message>
    <message>
        <source>第 {n} 段的标题不能超过 {max} 个字</source>
        <translation>The title of section {n} may have at most {max} characters</translation>
    </message>
    <message>
        <source>第 {n} 段的标题“{title}”与前面的段落重复</source>
        <translation>The title &quot;{title}&quot; of section {n} repeats an earlier section</translation>
    </message>
    <message>
        <source>第 {n} 段的默认内容不能超过 {max} 个字</source>
        <translation>The default text of section {n} may have at most {max} characters</translation>
    </message>
    <message>
        <source>第 {n} 段的引入资料类型无效</source>
        <translation>Section {n} pulls in an unknown kind of chart data</translation>
    </message>
    <message>
        <source>模板范围无效</source>
        <translation>Unknown template scope</translation>
    </message>
    <message>
        <source>个人模板只能由本人修改</source>
        <translation>Only its owner may change a personal template</translation>
    </message>
    <message>
        <source>科室模板只能由本科室主治医师及以上修改</source>
        <translation>Only attending physicians (or more senior) of the department may change a department template</translation>
    </message>
    <message>
        <source>全院模板只能由医务科（病案管理）修改</source>
        <translation>Only the medical records office may change a hospital template</translation>
    </message>
    <message>
        <source>该模板已停用</source>
        <translation>This template has been retired</translation>
    </message>
    <message>
        <source>常用语内容不能为空</source>
        <translation>The phrase is empty</translation>
    </message>
    <message>
        <source>常用语不能超过 {max} 个字（现为 {length} 个字）</source>
        <translation>A phrase may have at most {max} characters (this one has {length})</translation>
    </message>
    <message>
        <source>常用语最多 {max} 条</source>
        <translation>At most {max} phrases</translation>
    </message>
    <message>
        <source>只能修改本人的常用语</source>
        <translation>You can change only your own phrases</translation>
    </message>
    <message>
        <source>该常用语已被删除</source>
        <translation>This phrase has been removed</translation>
    </message>
    <message>
        <source>常用语顺序无效</source>
        <translation>Invalid phrase order</translation>
    </message>
    <message>
        <source>常用语列表已在别处修改，已重新读取，请再排序</source>
        <translation>The phrase list was changed elsewhere and has been read again; reorder it again</translation>
    </message>
    <message>
        <source>班次须覆盖全天且首尾相接，如 day=08:00-16:00,evening=16:00-24:00,night=00:00-08:00</source>
        <translation>The shifts must cover the whole day end to end, e.g. day=08:00-16:00,evening=16:00-24:00,night=00:00-08:00</translation>
    </message>
    <message>
        <source>没有“{kind}”这种执行单（可选：{kinds}）</source>
        <translation>No execution sheet of kind “{kind}” (choose from {kinds})</translation>
    </message>
    <message>
        <source>{who} {day} 没有可打印的执行项</source>
        <translation>Nothing to print: {who} has no planned executions on {day}</translation>
    </message>
    <message>
        <source>{who} {day} 没有待执行的输液，无瓶签可打印</source>
        <translation>No infusion label to print: {who} has no infusion waiting on {day}</translation>
    </message>
    <message>
        <source>日期格式有误（应为 YYYY-MM-DD）：{day}</source>
        <translation>Bad date (use YYYY-MM-DD): {day}</translation>
    </message>
    <message>
        <source>瓶签尺寸须为“宽x高”（毫米），宽 {low_w}–{high_w}，高 {low_h}–{high_h}，如 80x50</source>
        <translation>The infusion label size is width x height in mm, width {low_w}–{high_w}, height {low_h}–{high_h}, e.g. 80x50</translation>
    </message>
    <message>
        <source>没有名为 {kind} 的病历类型</source>
        <translation>No medical record type named {kind}</translation>
    </message>
    <message>
        <source>该患者没有编号为 {doc} 的病历</source>
        <translation>The patient has no medical record document {doc}</translation>
    </message>
    <message>
        <source>该病历尚未签名，不能打印</source>
        <translation>This document is not signed yet and cannot be printed</translation>
    </message>
    <message>
        <source>该患者没有可打印的已签名病历</source>
        <translation>The patient has no signed documents to print</translation>
    </message>
    <message>
        <source>该患者没有护理记录，无可打印内容</source>
        <translation>The patient has no nursing record lines to print</translation>
    </message>
    <message>
        <source>班次只用于护士交接班</source>
        <translation>A shift applies to the nurses&apos; handover only</translation>
    </message>
    <message>
        <source>该病区此班次没有交接班报告，无可打印内容</source>
        <translation>The ward has no handover report for this shift to print</translation>
    </message>
    <message>
        <source>本机没有配置 {profile} 的离线副本（联网运行该配置时生成）</source>
        <translation>No offline copy of profile {profile} on this PC (it is made while the workstation runs online with that profile)</translation>
    </message>
    <message>
        <source>配置 {profile} 的离线副本是病区 {held} 的，不是 {ward}</source>
        <translation>The offline copy of profile {profile} holds ward {held}, not {ward}</translation>
    </message>
    <message>
        <source>离线打印读取某个配置的离线副本：请指定 --profile</source>
        <translation>An offline print reads a profile&apos;s offline copy: give --profile</translation>
    </message>
    <message>
        <source>危急值来源无效（应为 lab 或 platform）</source>
        <translation>Invalid critical value source (lab or platform)</translation>
    </message>
    <message>
        <source>危急值缺少检验系统的结果编号（最多 64 字符）</source>
        <translation>The critical value lacks the lab system&apos;s result id (at most 64 characters)</translation>
    </message>
    <message>
        <source>危急值标志“{flag}”无效（应为 HH、LL、H 或 L）</source>
        <translation>Invalid critical flag &quot;{flag}&quot; (HH, LL, H or L)</translation>
    </message>
    <message>
        <source>危急值的结果不能为空（最多 60 字）</source>
        <translation>The critical value&apos;s result cannot be empty (at most 60 characters)</translation>
    </message>
    <message>
        <source>住院号 {mrn} 没有在院的住院记录</source>
        <translation>Inpatient number {mrn} has no current stay</translation>
    </message>
    <message>
        <source>检验项目 {code} 不在检验字典中</source>
        <translation>Lab test {code} is not in the lab dictionary</translation>
    </message>
    <message>
        <source>该危急值已由 {by} 于 {at} 确认（已通知 {told}）</source>
        <translation>This critical value was acknowledged by {by} at {at} ({told} informed)</translation>
    </message>
    <message>
        <source>请填写已通知的医生</source>
        <translation>Enter the doctor you informed</translation>
    </message>
    <message>
        <source>通知对象过长（最多 {limit} 字）</source>
        <translation>The name of the person informed is too long (at most {limit} characters)</translation>
    </message>
    <message>
        <source>该危急值尚未由护士确认接收</source>
        <translation>This critical value has not been acknowledged by a nurse yet</translation>
    </message>
    <message>
        <source>危急值处理须记录在本次住院的病程记录中</source>
        <translation>The action on a critical value must be documented in a progress note of this stay</translation>
    </message>
    <message>
        <source>患者 {mrn} 没有居民身份证号或居民健康卡号，区域平台无法识别，请先补录</source>
        <translation>Patient {mrn} has no resident ID card number or resident health card number, so the regional platform cannot identify the patient: enter one first</translation>
    </message>
    <message>
        <source>收到的转诊单无法识别（缺少转诊申请或标识）</source>
        <translation>The referral received cannot be read (no referral request or no identifier)</translation>
    </message>
    <message>
        <source>没有使用该平台地址的成员机构：{url}</source>
        <translation>No member institution uses this platform address: {url}</translation>
    </message>
    <message>
        <source>请填写转诊原因</source>
        <translation>Enter the reason for the referral</translation>
    </message>
    <message>
        <source>请填写接收科室</source>
        <translation>Enter the receiving department</translation>
    </message>
    <message>
        <source>请填写拒绝原因</source>
        <translation>Enter the reason for rejecting</translation>
    </message>
    <message>
        <source>内容过长：最多 {max} 个字</source>
        <translation>Too long: at most {max} characters</translation>
    </message>
    <message>
        <source>该医联体成员机构不存在或已停用，请重新选择</source>
        <translation>This member institution does not exist or is no longer active: choose another</translation>
    </message>
    <message>
        <source>转诊方向无效（上转或下转）</source>
        <translation>Invalid referral direction (up or down)</translation>
    </message>
    <message>
        <source>这是收到的转诊，不能由本院发送</source>
        <translation>This is a referral received: this hospital cannot send it</translation>
    </message>
    <message>
        <source>这是本院发出的转诊，不能由本院接收或拒绝</source>
        <translation>This referral was sent by this hospital: it cannot be accepted or rejected here</translation>
    </message>
    <message>
        <source>该转诊已发送，不能再次发送</source>
        <translation>This referral has been sent already</translation>
    </message>
    <message>
        <source>该转诊已被接收或拒绝，请查看最新状态</source>
        <translation>This referral has been accepted or rejected already: see its current status</translation>
    </message>
    <message>
        <source>一次获取的外院报告过多（{count} 份，最多 {max} 份）</source>
        <translation>Too many external reports in one fetch ({count}, at most {max})</translation>
    </message>
    <message>
        <source>外院报告无法识别（缺少机构、日期或项目名称）：{source}</source>
        <translation>An external report could not be read (no institution, date or test name): {source}</translation>
    </message>
    <message>
        <source>尚未配置医联体成员机构的平台地址，无法获取外院结果</source>
        <translation>No member institution has a platform address: external results cannot be fetched</translation>
    </message>
    <message>
        <source>该外院报告的互认状态已被他人更改，请查看最新状态</source>
        <translation>Someone else changed this report&apos;s recognition: see its current state</translation>
    </message>
    <message>
        <source>请先接收该转诊，再收入院</source>
        <translation>Accept the referral first, then admit</translation>
    </message>
    <message>
        <source>请选择一张可用的床位</source>
        <translation>Choose a bed that can be used</translation>
    </message>
    <message>
        <source>{bed_no} 床不属于接收科室的病区，请重新选择</source>
        <translation>Bed {bed_no} is not in the receiving department&apos;s ward: choose another</translation>
    </message>
    <message>
        <source>该患者（住院号 {mrn}）正在住院，不能再次收入院</source>
        <translation>This patient (MRN {mrn}) is in hospital now and cannot be admitted again</translation>
    </message>
    <message>
        <source>请填写入院处分配的住院号（最多 {max} 位）</source>
        <translation>Enter the MRN the admission office gave (at most {max} characters)</translation>
    </message>
    <message>
        <source>住院号 {mrn} 已被其他患者使用</source>
        <translation>MRN {mrn} belongs to another patient</translation>
    </message>
    <message>
        <source>磁盘已满，本次内容未保存（已保存的内容不受影响），请联系信息科</source>
        <translation>The disk is full: this entry was not saved (what was saved before is safe). Please call IT.</translation>
    </message>
</context>
<context>
    <name>NurseCons</name>
    <message>
        <source>附材</source>
        <translation>Consumables</translation>
    </message>
    <message>
        <source>移除：{item}</source>
        <translation>Remove: {item}</translation>
    </message>
    <message>
        <source>添加：{name}</source>
        <translation>Add: {name}</translation>
    </message>
    <message>
        <source>附材：</source>
        <translation>Consumable:</translation>
    </message>
    <message>
        <source>数量（添加）：</source>
        <translation>Quantity (add):</translation>
    </message>
    <message>
        <source>理由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>移除时必填</source>
        <translation>Required to remove</translation>
    </message>
    <message>
        <source>附材已更新</source>
        <translation>Consumables updated</translation>
    </message>
    <message>
        <source>数量须为数字</source>
        <translation>The quantity must be a number</translation>
    </message>
</context>
<context>
    <name>NurseExec</name>
    <message>
        <source>输液</source>
        <translation>Infusion</translation>
    </message>
    <message>
        <source>口服</source>
        <translation>Oral</translation>
    </message>
    <message>
        <source>注射</source>
        <translation>Injection</translation>
    </message>
    <message>
        <source>治疗</source>
        <translation>Treatment</translation>
    </message>
    <message>
        <source>护理</source>
        <translation>Care</translation>
    </message>
    <message>
        <source>皮试</source>
        <translation>Skin test</translation>
    </message>
    <message>
        <source>标本采集</source>
        <translation>Specimens</translation>
    </message>
    <message>
        <source>饮食</source>
        <translation>Diet</translation>
    </message>
    <message>
        <source>皮试阳性，禁用</source>
        <translation>Skin test positive: blocked</translation>
    </message>
    <message>
        <source>皮试观察中</source>
        <translation>Skin test running</translation>
    </message>
    <message>
        <source>待皮试</source>
        <translation>Skin test due</translation>
    </message>
    <message>
        <source>逾期未执行</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>待执行</source>
        <translation>To give</translation>
    </message>
    <message>
        <source>已执行</source>
        <translation>Given</translation>
    </message>
    <message>
        <source>输液中</source>
        <translation>Infusing</translation>
    </message>
    <message>
        <source>输液结束</source>
        <translation>Infusion finished</translation>
    </message>
    <message>
        <source>未执行</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>［重复记录，待核查］</source>
        <translation> [duplicate record, to review]</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>床号</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>住院号</source>
        <translation>Inpatient no.</translation>
    </message>
    <message>
        <source>医嘱内容</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>途径</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>滴速</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>高警示</source>
        <translation>High alert</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>执行护士</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <source>逾期：{list}</source>
        <translation>Overdue: {list}</translation>
    </message>
    <message>
        <source>{bed}床 {name} {n}项</source>
        <translation>bed {bed} {name}: {n}</translation>
    </message>
    <message>
        <source>未能核对患者：请扫描腕带，或输入“姓名 住院号”</source>
        <translation>Patient not identified: scan the wristband, or type &quot;name inpatient-no.&quot;</translation>
    </message>
    <message>
        <source>已核对：{name} {mrn}</source>
        <translation>Identified: {name} {mrn}</translation>
    </message>
    <message>
        <source>未核对患者</source>
        <translation>Patient not identified</translation>
    </message>
    <message>
        <source>执行前请核对患者：扫描腕带，或输入“姓名 住院号”后按回车</source>
        <translation>Identify the patient first: scan the wristband, or type &quot;name inpatient-no.&quot; and press Enter</translation>
    </message>
    <message>
        <source>没有此工号</source>
        <translation>No such user</translation>
    </message>
    <message>
        <source>已记录：{bed}床 {name} {time}</source>
        <translation>Recorded: bed {bed} {name} {time}</translation>
    </message>
    <message>
        <source>此项尚无执行记录</source>
        <translation>This item has no execution record yet</translation>
    </message>
    <message>
        <source>已更正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>患者：</source>
        <translation>Patient:</translation>
    </message>
    <message>
        <source>扫描腕带，或输入“姓名 住院号”后回车；床号只筛选</source>
        <translation>Scan the wristband, or type &quot;name inpatient-no.&quot; and Enter; a bed number only filters</translation>
    </message>
    <message>
        <source>执行单：</source>
        <translation>List:</translation>
    </message>
    <message>
        <source>时间：</source>
        <translation>Time:</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>附材</source>
        <translation>Consumables</translation>
    </message>
    <message>
        <source>腕带与瓶签不是同一患者：瓶签是 {bed}床 {name}，腕带是 {name2} {mrn2}。请勿执行！</source>
        <translation>The wristband and the label are not the same patient: the label is bed {bed} {name}, the wristband {name2} {mrn2}. Do not give it!</translation>
    </message>
    <message>
        <source>瓶签与腕带核对一致：{bed}床 {name}</source>
        <translation>Label and wristband match: bed {bed} {name}</translation>
    </message>
    <message>
        <source>正在查找瓶签……</source>
        <translation>Looking the label up…</translation>
    </message>
    <message>
        <source>此瓶签的执行项已记录（{bed}床 {name} {time}：{state}），请勿重复执行</source>
        <translation>This label&apos;s item is already recorded (bed {bed} {name} {time}: {state}); do not give it again</translation>
    </message>
    <message>
        <source>瓶签与已核对的患者不符：瓶签是 {bed}床 {name} {mrn}，已核对的是 {name2} {mrn2}。请勿执行！</source>
        <translation>The label is not the checked patient&apos;s: the label is bed {bed} {name} {mrn}, the checked patient {name2} {mrn2}. Do not give it!</translation>
    </message>
    <message>
        <source>已扫描瓶签：{bed}床 {name} {time}，执行前请扫描该患者腕带核对</source>
        <translation>Label scanned: bed {bed} {name} {time}; scan the patient&apos;s wristband before giving it</translation>
    </message>
    <message>
        <source>未找到此瓶签对应的执行项，请核对瓶签</source>
        <translation>No execution item has this label; check the label</translation>
    </message>
    <message>
        <source>{bed}床 {name}</source>
        <translation>bed {bed} {name}</translation>
    </message>
    <message>
        <source>此瓶签属于{ward}（{who}），不是本病区的患者，请勿执行！</source>
        <translation>This label belongs to {ward} ({who}), not a patient of this ward. Do not give it!</translation>
    </message>
    <message>
        <source>{who} 已不在院，此瓶签不可执行</source>
        <translation>{who} is no longer in hospital; this label cannot be given</translation>
    </message>
    <message>
        <source>此执行项已取消（{who}），请勿执行</source>
        <translation>This item was cancelled ({who}); do not give it</translation>
    </message>
    <message>
        <source>此医嘱已停止（{who}），请勿执行</source>
        <translation>This order was stopped ({who}); do not give it</translation>
    </message>
    <message>
        <source>此医嘱已作废（{who}），请勿执行</source>
        <translation>This order was voided ({who}); do not give it</translation>
    </message>
    <message>
        <source>此瓶签是 {day} 的执行项（{who}），不是今天的</source>
        <translation>This label is for {day} ({who}), not today</translation>
    </message>
    <message>
        <source>此瓶签的医嘱尚不可执行（{who}）：请先核对医嘱</source>
        <translation>This label&apos;s order cannot be given yet ({who}): verify the order first</translation>
    </message>
</context>
<context>
    <name>NurseHandover</name>
    <message>
        <source>班次</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>差异说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>人数不符时写明原因（如：上一班报告有误，已核实）</source>
        <translation>Why the numbers differ (e.g. the last shift&apos;s report was wrong, checked)</translation>
    </message>
    <message>
        <source>病情及本班事件</source>
        <translation>Condition and this shift&apos;s events</translation>
    </message>
    <message>
        <source>生命体征（↑↓ 为异常）</source>
        <translation>Vital signs (↑↓ abnormal)</translation>
    </message>
    <message>
        <source>交接事项及待办</source>
        <translation>Handover items and to-dos</translation>
    </message>
    <message>
        <source>护士交接班</source>
        <translation>Nurse shift handover</translation>
    </message>
    <message>
        <source>{date} {shift} {start}–{end}</source>
        <translation>{date} {shift} {start}–{end}</translation>
    </message>
    <message>
        <source>原有 {o} + 入院 {a} + 转入 {ti} − 出院 {d} − 转出 {to} − 死亡 {x} = {e}</source>
        <translation>start {o} + admitted {a} + transferred in {ti} − discharged {d} − transferred out {to} − died {x} = {e}</translation>
    </message>
    <message>
        <source>✓ {formula}，与现有 {c} 人相符</source>
        <translation>✓ {formula}, matching the {c} on the ward</translation>
    </message>
    <message>
        <source>✗ {formula}，但现有 {c} 人：人数不符，请核对</source>
        <translation>✗ {formula}, but {c} are on the ward: the numbers differ, please check</translation>
    </message>
    <message>
        <source>（原有取自上一班交班报告；按数据为 {n} 人）</source>
        <translation> (start taken from the last shift&apos;s report; the data say {n})</translation>
    </message>
    <message>
        <source>  统计至 {t}</source>
        <translation>  counted up to {t}</translation>
    </message>
    <message>
        <source>本班尚未保存。Ctrl+S 保存草稿，Ctrl+Enter 交班签名</source>
        <translation>Not saved yet. Ctrl+S saves a draft, Ctrl+Enter hands over and signs</translation>
    </message>
    <message>
        <source>草稿（第 {v} 版，{who} 起草）。Ctrl+S 保存，Ctrl+Enter 交班签名</source>
        <translation>Draft (version {v}, started by {who}). Ctrl+S saves, Ctrl+Enter hands over and signs</translation>
    </message>
    <message>
        <source>{who} {at} 交班签名，待接班（另一位护士 Ctrl+Shift+Enter 接班）</source>
        <translation>Handed over by {who} at {at}, awaiting the receiving nurse (another nurse: Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>{who} {at} 交班，{taker} {rat} 接班签名</source>
        <translation>Handed over by {who} at {at}, received by {taker} at {rat}</translation>
    </message>
    <message>
        <source>交班患者 {n} 人</source>
        <translation>{n} patients handed over</translation>
    </message>
    <message>
        <source>{bed}床 {name}  {dx}  【{group}】</source>
        <translation>Bed {bed} {name}  {dx}  [{group}]</translation>
    </message>
    <message>
        <source>草稿已保存</source>
        <translation>Draft saved</translation>
    </message>
    <message>
        <source>已交班签名，待接班护士接班</source>
        <translation>Handed over and signed; awaiting the receiving nurse</translation>
    </message>
    <message>
        <source>已接班签名</source>
        <translation>Received and signed</translation>
    </message>
    <message>
        <source>（另一位护士已保存本班报告；您输入的内容仍保留，再按 Ctrl+S 以您的内容保存）</source>
        <translation> (another nurse saved this shift&apos;s report; what you typed is kept, press Ctrl+S again to save yours)</translation>
    </message>
    <message>
        <source>次/分</source>
        <translation>/min</translation>
    </message>
    <message>
        <source>原有</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>入院</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>出院</source>
        <translation>Discharged</translation>
    </message>
    <message>
        <source>转入</source>
        <translation>Transferred in</translation>
    </message>
    <message>
        <source>转出</source>
        <translation>Transferred out</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>Died</translation>
    </message>
    <message>
        <source>现有</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>病危</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>病重</source>
        <translation>Serious</translation>
    </message>
    <message>
        <source>手术</source>
        <translation>Surgery</translation>
    </message>
    <message>
        <source>分娩</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>夜班</source>
        <translation>Night shift</translation>
    </message>
    <message>
        <source>白班</source>
        <translation>Day shift</translation>
    </message>
    <message>
        <source>小夜班</source>
        <translation>Evening shift</translation>
    </message>
    <message>
        <source>大夜班</source>
        <translation>Night shift</translation>
    </message>
    <message>
        <source>出院/转出/死亡</source>
        <translation>Discharged/out/died</translation>
    </message>
    <message>
        <source>新入院/转入</source>
        <translation>Admitted/in</translation>
    </message>
    <message>
        <source>病危/病重</source>
        <translation>Critical/serious</translation>
    </message>
    <message>
        <source>体征异常</source>
        <translation>Abnormal vitals</translation>
    </message>
    <message>
        <source>{time} 转出至{ward}</source>
        <translation>{time} transferred to {ward}</translation>
    </message>
    <message>
        <source>{time} 由{ward}转入</source>
        <translation>{time} transferred in from {ward}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>血压 {s}/{d}mmHg{arrow}</source>
        <translation>BP {s}/{d} mmHg{arrow}</translation>
    </message>
    <message>
        <source>{time} {values}</source>
        <translation>{time} {values}</translation>
    </message>
    <message>
        <source>{item} {value}{unit}{arrow}（{time}）</source>
        <translation>{item} {value}{unit}{arrow} ({time})</translation>
    </message>
    <message>
        <source>本班异常：{values}</source>
        <translation>Abnormal this shift: {values}</translation>
    </message>
    <message>
        <source>本班到时未执行医嘱 {n} 项，请接班护士核对</source>
        <translation>{n} doses due this shift not recorded yet; receiving nurse please check</translation>
    </message>
    <message>
        <source>床号</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>交班类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>本班情况</source>
        <translation>This shift</translation>
    </message>
    <message>
        <source>诊断</source>
        <translation>Diagnosis</translation>
    </message>
</context>
<context>
    <name>NursePage</name>
    <message>
        <source>护士工作站</source>
        <translation>Nurse station</translation>
    </message>
    <message>
        <source>医嘱审核</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>执行单</source>
        <translation>Execution lists</translation>
    </message>
    <message>
        <source>皮试</source>
        <translation>Skin test</translation>
    </message>
    <message>
        <source>集中发送</source>
        <translation>Send to pharmacy</translation>
    </message>
</context>
<context>
    <name>NursePharmacy</name>
    <message>
        <source>发送时间</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>床号</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>住院号</source>
        <translation>Inpatient no.</translation>
    </message>
    <message>
        <source>次数</source>
        <translation>Doses</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>发送护士</source>
        <translation>Sent by</translation>
    </message>
    <message>
        <source>发药</source>
        <translation>Dispense</translation>
    </message>
    <message>
        <source>退药</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P：集中发送今日余下及明日 10:00 前的药品</source>
        <translation>Ctrl+Shift+P: send today&apos;s remaining doses and tomorrow&apos;s before 10:00 to the pharmacy</translation>
    </message>
    <message>
        <source>已发送至药房</source>
        <translation>Sent to the pharmacy</translation>
    </message>
    <message>
        <source>药品/附材</source>
        <translation>Drug / consumable</translation>
    </message>
    <message>
        <source>附材</source>
        <translation>Consumables</translation>
    </message>
</context>
<context>
    <name>NurseQueue</name>
    <message>
        <source>新开</source>
        <translation>New</translation>
    </message>
    <message>
        <source>修改后重签</source>
        <translation>Changed and re-signed</translation>
    </message>
    <message>
        <source>停止</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>床号</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>住院号</source>
        <translation>Inpatient no.</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>长/临</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>医嘱内容</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>高警示</source>
        <translation>High alert</translation>
    </message>
    <message>
        <source>医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>长期</source>
        <translation>Long</translation>
    </message>
    <message>
        <source>临时</source>
        <translation>Temp</translation>
    </message>
    <message>
        <source>紧急（st/抢救）</source>
        <translation>Urgent (st / rescue)</translation>
    </message>
    <message>
        <source>请用空格勾选要审核的新开医嘱</source>
        <translation>Tick the new orders to verify with Space</translation>
    </message>
    <message>
        <source>已审核 {n} 条医嘱</source>
        <translation>{n} orders verified</translation>
    </message>
    <message>
        <source>高警示药品，请再次核对：{bed}床 {name} {content}；核对无误再按 F9 审核</source>
        <translation>High-alert drug, check it again: bed {bed} {name} {content}; press F9 again to verify it</translation>
    </message>
    <message>
        <source>只能退回待审核的新开医嘱</source>
        <translation>Only new orders waiting for verification can be returned</translation>
    </message>
    <message>
        <source>已退回医生：{content}</source>
        <translation>Returned to the doctor: {content}</translation>
    </message>
    <message>
        <source>请选择已停止或已作废的医嘱</source>
        <translation>Choose a stopped or voided order</translation>
    </message>
    <message>
        <source>已确认 {n} 条</source>
        <translation>{n} confirmed</translation>
    </message>
</context>
<context>
    <name>NurseSkin</name>
    <message>
        <source>可判读</source>
        <translation>Ready to read</translation>
    </message>
    <message>
        <source>观察中 {m:02d}:{s:02d}</source>
        <translation>Running {m:02d}:{s:02d}</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>床号</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>住院号</source>
        <translation>Inpatient no.</translation>
    </message>
    <message>
        <source>皮试药物</source>
        <translation>Tested drug</translation>
    </message>
    <message>
        <source>批号</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>皮试时间</source>
        <translation>Placed</translation>
    </message>
    <message>
        <source>判读时间</source>
        <translation>Read at</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>护士/核对</source>
        <translation>Nurse / checked</translation>
    </message>
    <message>
        <source>待皮试</source>
        <translation>Skin test due</translation>
    </message>
    <message>
        <source>已判读</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>阳性（+）</source>
        <translation>Positive (+)</translation>
    </message>
    <message>
        <source>阴性（−）</source>
        <translation>Negative (−)</translation>
    </message>
    <message>
        <source>请选择待皮试的一项</source>
        <translation>Choose a skin test that is due</translation>
    </message>
    <message>
        <source>已开始皮试：{name} {substance}</source>
        <translation>Skin test placed: {name} {substance}</translation>
    </message>
    <message>
        <source>请选择观察中的皮试</source>
        <translation>Choose a running skin test</translation>
    </message>
    <message>
        <source>没有此工号</source>
        <translation>No such user</translation>
    </message>
    <message>
        <source>已判读：{name} {substance}</source>
        <translation>Read: {name} {substance}</translation>
    </message>
</context>
<context>
    <name>NurseTexts</name>
    <message>
        <source>患者拒绝</source>
        <translation>Patient refused</translation>
    </message>
    <message>
        <source>禁食</source>
        <translation>Nil by mouth</translation>
    </message>
    <message>
        <source>不在病房/外出</source>
        <translation>Not on the ward / out</translation>
    </message>
    <message>
        <source>检查或手术中</source>
        <translation>In an examination or surgery</translation>
    </message>
    <message>
        <source>药品未到</source>
        <translation>Drug not arrived</translation>
    </message>
    <message>
        <source>医生暂停</source>
        <translation>Held by the doctor</translation>
    </message>
    <message>
        <source>静脉通路失败</source>
        <translation>IV access failed</translation>
    </message>
    <message>
        <source>已出院/转科</source>
        <translation>Discharged / transferred</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>请填写必填项</source>
        <translation>Fill in the required fields</translation>
    </message>
    <message>
        <source>双人核对</source>
        <translation>Second nurse check</translation>
    </message>
    <message>
        <source>核对护士工号：</source>
        <translation>Checking nurse (login):</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>login name</translation>
    </message>
    <message>
        <source>未执行</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>原因：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>说明：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>选“其他”时必填</source>
        <translation>required for &quot;Other&quot;</translation>
    </message>
    <message>
        <source>更正执行记录</source>
        <translation>Correct the execution record</translation>
    </message>
    <message>
        <source>更正理由：</source>
        <translation>Reason for the correction:</translation>
    </message>
    <message>
        <source>皮试</source>
        <translation>Skin test</translation>
    </message>
    <message>
        <source>皮试液批号：</source>
        <translation>Test solution batch:</translation>
    </message>
    <message>
        <source>皮试判读</source>
        <translation>Read the skin test</translation>
    </message>
    <message>
        <source>结果：</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>阴性（−）</source>
        <translation>Negative (−)</translation>
    </message>
    <message>
        <source>阳性（+）</source>
        <translation>Positive (+)</translation>
    </message>
    <message>
        <source>核对护士密码：</source>
        <translation>Second nurse&apos;s password:</translation>
    </message>
    <message>
        <source>由核对护士本人输入</source>
        <translation>typed by the second nurse herself</translation>
    </message>
</context>
<context>
    <name>Nursing</name>
    <message>
        <source>意识</source>
        <translation>Consciousness</translation>
    </message>
    <message>
        <source>左侧瞳孔</source>
        <translation>Left pupil</translation>
    </message>
    <message>
        <source>右侧瞳孔</source>
        <translation>Right pupil</translation>
    </message>
    <message>
        <source>左侧对光反射</source>
        <translation>Left light reflex</translation>
    </message>
    <message>
        <source>右侧对光反射</source>
        <translation>Right light reflex</translation>
    </message>
    <message>
        <source>入量</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>出量</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>病情观察及护理措施</source>
        <translation>Observation and nursing measures</translation>
    </message>
    <message>
        <source>更正原因</source>
        <translation>Reason for correction</translation>
    </message>
    <message>
        <source>记录类型</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>记录时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>面部表情评分（儿童、不能表达者）</source>
        <translation>Faces scale (children, patients who cannot say)</translation>
    </message>
    <message>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <source>签名保存 (Ctrl+Enter)</source>
        <translation>Sign and save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>评估时间：{at}</source>
        <translation>Assessed at: {at}</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>总分 {total}（尚有 {n} 项未填）</source>
        <translation>Total {total} ({n} items still open)</translation>
    </message>
    <message>
        <source>总分 {total}&#x3000;{level}</source>
        <translation>Total {total}  {level}</translation>
    </message>
    <message>
        <source>处理后复评：静脉给药后 15–30 分钟，口服给药后 1 小时</source>
        <translation>Reassess after treatment: 15–30 min after IV, 1 h after oral</translation>
    </message>
    <message>
        <source>；≥4 分请通知医生</source>
        <translation>; ≥4: tell the doctor</translation>
    </message>
    <message>
        <source>下次评估：{at}（{days} 天后）</source>
        <translation>Next assessment: {at} (in {days} days)</translation>
    </message>
    <message>
        <source>评估条目“{item}”未填写</source>
        <translation>Item “{item}” not filled in</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>体温</source>
        <translation>Temp</translation>
    </message>
    <message>
        <source>脉搏</source>
        <translation>Pulse</translation>
    </message>
    <message>
        <source>呼吸</source>
        <translation>Resp</translation>
    </message>
    <message>
        <source>血压</source>
        <translation>BP</translation>
    </message>
    <message>
        <source>瞳孔左/右</source>
        <translation>Pupils L/R</translation>
    </message>
    <message>
        <source>对光(左)</source>
        <translation>Light (L)</translation>
    </message>
    <message>
        <source>对光(右)</source>
        <translation>Light (R)</translation>
    </message>
    <message>
        <source>更正 {at} 的记录：修改后填写更正原因，Ctrl+Enter 签名保存；Esc 取消</source>
        <translation>Correcting the line of {at}: change it, give the reason, Ctrl+Enter signs; Esc cancels</translation>
    </message>
    <message>
        <source>已签名保存</source>
        <translation>Signed and saved</translation>
    </message>
    <message>
        <source>一般护理记录</source>
        <translation>General nursing record</translation>
    </message>
    <message>
        <source>危重护理记录</source>
        <translation>Critical care nursing record</translation>
    </message>
    <message>
        <source>清醒</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>嗜睡</source>
        <translation>Drowsy</translation>
    </message>
    <message>
        <source>意识模糊</source>
        <translation>Confused</translation>
    </message>
    <message>
        <source>昏睡</source>
        <translation>Stupor</translation>
    </message>
    <message>
        <source>浅昏迷</source>
        <translation>Light coma</translation>
    </message>
    <message>
        <source>深昏迷</source>
        <translation>Deep coma</translation>
    </message>
    <message>
        <source>谵妄</source>
        <translation>Delirium</translation>
    </message>
    <message>
        <source>镇静</source>
        <translation>Sedated</translation>
    </message>
    <message>
        <source>灵敏</source>
        <translation>Brisk</translation>
    </message>
    <message>
        <source>迟钝</source>
        <translation>Sluggish</translation>
    </message>
    <message>
        <source>消失</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>静脉</source>
        <translation>IV</translation>
    </message>
    <message>
        <source>口服</source>
        <translation>Oral</translation>
    </message>
    <message>
        <source>鼻饲</source>
        <translation>Tube feed</translation>
    </message>
    <message>
        <source>输血</source>
        <translation>Blood</translation>
    </message>
    <message>
        <source>尿</source>
        <translation>Urine</translation>
    </message>
    <message>
        <source>大便</source>
        <translation>Stool</translation>
    </message>
    <message>
        <source>呕吐</source>
        <translation>Vomit</translation>
    </message>
    <message>
        <source>引流</source>
        <translation>Drainage</translation>
    </message>
    <message>
        <source>胃肠减压</source>
        <translation>Gastric suction</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Braden 压疮风险评估</source>
        <translation>Braden pressure ulcer risk</translation>
    </message>
    <message>
        <source>Morse 跌倒风险评估</source>
        <translation>Morse fall risk</translation>
    </message>
    <message>
        <source>Barthel 自理能力评估</source>
        <translation>Barthel self-care</translation>
    </message>
    <message>
        <source>疼痛评估</source>
        <translation>Pain assessment</translation>
    </message>
    <message>
        <source>压疮</source>
        <translation>Pressure</translation>
    </message>
    <message>
        <source>跌倒</source>
        <translation>Falls</translation>
    </message>
    <message>
        <source>自理</source>
        <translation>Self-care</translation>
    </message>
    <message>
        <source>疼痛</source>
        <translation>Pain</translation>
    </message>
    <message>
        <source>感知</source>
        <translation>Sensory perception</translation>
    </message>
    <message>
        <source>潮湿</source>
        <translation>Moisture</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>移动</source>
        <translation>Mobility</translation>
    </message>
    <message>
        <source>营养</source>
        <translation>Nutrition</translation>
    </message>
    <message>
        <source>摩擦力和剪切力</source>
        <translation>Friction and shear</translation>
    </message>
    <message>
        <source>近三个月跌倒史</source>
        <translation>Fall in the last 3 months</translation>
    </message>
    <message>
        <source>超过一个医学诊断</source>
        <translation>Secondary diagnosis</translation>
    </message>
    <message>
        <source>行走辅助</source>
        <translation>Ambulatory aid</translation>
    </message>
    <message>
        <source>静脉输液/留置针</source>
        <translation>IV / heparin lock</translation>
    </message>
    <message>
        <source>步态</source>
        <translation>Gait</translation>
    </message>
    <message>
        <source>精神状态</source>
        <translation>Mental status</translation>
    </message>
    <message>
        <source>进食</source>
        <translation>Feeding</translation>
    </message>
    <message>
        <source>洗澡</source>
        <translation>Bathing</translation>
    </message>
    <message>
        <source>修饰</source>
        <translation>Grooming</translation>
    </message>
    <message>
        <source>穿衣</source>
        <translation>Dressing</translation>
    </message>
    <message>
        <source>控制大便</source>
        <translation>Bowels</translation>
    </message>
    <message>
        <source>控制小便</source>
        <translation>Bladder</translation>
    </message>
    <message>
        <source>如厕</source>
        <translation>Toilet use</translation>
    </message>
    <message>
        <source>床椅转移</source>
        <translation>Bed-chair transfer</translation>
    </message>
    <message>
        <source>平地行走45米</source>
        <translation>Walking 45 m</translation>
    </message>
    <message>
        <source>上下楼梯</source>
        <translation>Stairs</translation>
    </message>
    <message>
        <source>疼痛程度</source>
        <translation>Pain intensity</translation>
    </message>
    <message>
        <source>无痛</source>
        <translation>No pain</translation>
    </message>
    <message>
        <source>轻度</source>
        <translation>Mild</translation>
    </message>
    <message>
        <source>中度</source>
        <translation>Moderate</translation>
    </message>
    <message>
        <source>重度</source>
        <translation>Severe</translation>
    </message>
    <message>
        <source>笑脸，不痛</source>
        <translation>Smiling, no hurt</translation>
    </message>
    <message>
        <source>微笑，有点痛</source>
        <translation>Hurts a little bit</translation>
    </message>
    <message>
        <source>平静，稍痛</source>
        <translation>Hurts a little more</translation>
    </message>
    <message>
        <source>皱眉，较痛</source>
        <translation>Hurts even more</translation>
    </message>
    <message>
        <source>难过，很痛</source>
        <translation>Hurts a whole lot</translation>
    </message>
    <message>
        <source>哭泣，剧痛</source>
        <translation>Hurts worst</translation>
    </message>
    <message>
        <source>完全受限</source>
        <translation>Completely limited</translation>
    </message>
    <message>
        <source>非常受限</source>
        <translation>Very limited</translation>
    </message>
    <message>
        <source>轻度受限</source>
        <translation>Slightly limited</translation>
    </message>
    <message>
        <source>依赖</source>
        <translation>Dependent</translation>
    </message>
    <message>
        <source>需部分帮助</source>
        <translation>Needs some help</translation>
    </message>
    <message>
        <source>失禁</source>
        <translation>Incontinent</translation>
    </message>
    <message>
        <source>偶尔失禁</source>
        <translation>Occasional accident</translation>
    </message>
    <message>
        <source>能控制</source>
        <translation>Continent</translation>
    </message>
    <message>
        <source>无</source>
        <translation>No</translation>
    </message>
    <message>
        <source>有</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>无损害</source>
        <translation>No impairment</translation>
    </message>
    <message>
        <source>持续潮湿</source>
        <translation>Constantly moist</translation>
    </message>
    <message>
        <source>经常潮湿</source>
        <translation>Very moist</translation>
    </message>
    <message>
        <source>偶尔潮湿</source>
        <translation>Occasionally moist</translation>
    </message>
    <message>
        <source>很少潮湿</source>
        <translation>Rarely moist</translation>
    </message>
    <message>
        <source>卧床</source>
        <translation>Bedfast</translation>
    </message>
    <message>
        <source>坐椅</source>
        <translation>Chairfast</translation>
    </message>
    <message>
        <source>偶尔行走</source>
        <translation>Walks occasionally</translation>
    </message>
    <message>
        <source>经常行走</source>
        <translation>Walks frequently</translation>
    </message>
    <message>
        <source>不受限</source>
        <translation>No limitation</translation>
    </message>
    <message>
        <source>非常差</source>
        <translation>Very poor</translation>
    </message>
    <message>
        <source>可能不足</source>
        <translation>Probably inadequate</translation>
    </message>
    <message>
        <source>充足</source>
        <translation>Adequate</translation>
    </message>
    <message>
        <source>丰富</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>有问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>潜在问题</source>
        <translation>Potential problem</translation>
    </message>
    <message>
        <source>无明显问题</source>
        <translation>No apparent problem</translation>
    </message>
    <message>
        <source>不需要/卧床/护士扶助</source>
        <translation>None / bed rest / nurse assist</translation>
    </message>
    <message>
        <source>拐杖/助行器</source>
        <translation>Crutches / cane / walker</translation>
    </message>
    <message>
        <source>扶家具行走</source>
        <translation>Furniture</translation>
    </message>
    <message>
        <source>正常/卧床/轮椅</source>
        <translation>Normal / bed rest / wheelchair</translation>
    </message>
    <message>
        <source>虚弱</source>
        <translation>Weak</translation>
    </message>
    <message>
        <source>受损</source>
        <translation>Impaired</translation>
    </message>
    <message>
        <source>了解自己的能力</source>
        <translation>Knows own limits</translation>
    </message>
    <message>
        <source>高估自己/忘记受限</source>
        <translation>Overestimates / forgets limits</translation>
    </message>
    <message>
        <source>完全依赖</source>
        <translation>Unable</translation>
    </message>
    <message>
        <source>需极大帮助</source>
        <translation>Major help</translation>
    </message>
    <message>
        <source>不能行走</source>
        <translation>Immobile</translation>
    </message>
    <message>
        <source>独立行走</source>
        <translation>Independent</translation>
    </message>
    <message>
        <source>不能</source>
        <translation>Unable</translation>
    </message>
    <message>
        <source>无风险</source>
        <translation>No risk</translation>
    </message>
    <message>
        <source>轻度危险</source>
        <translation>Mild risk</translation>
    </message>
    <message>
        <source>中度危险</source>
        <translation>Moderate risk</translation>
    </message>
    <message>
        <source>高度危险</source>
        <translation>High risk</translation>
    </message>
    <message>
        <source>极高危</source>
        <translation>Very high risk</translation>
    </message>
    <message>
        <source>低危</source>
        <translation>Low risk</translation>
    </message>
    <message>
        <source>中危</source>
        <translation>Moderate risk</translation>
    </message>
    <message>
        <source>高危</source>
        <translation>High risk</translation>
    </message>
    <message>
        <source>重度依赖</source>
        <translation>Severe dependence</translation>
    </message>
    <message>
        <source>中度依赖</source>
        <translation>Moderate dependence</translation>
    </message>
    <message>
        <source>轻度依赖</source>
        <translation>Mild dependence</translation>
    </message>
    <message>
        <source>无需依赖</source>
        <translation>Independent</translation>
    </message>
    <message>
        <source>轻度疼痛</source>
        <translation>Mild pain</translation>
    </message>
    <message>
        <source>中度疼痛</source>
        <translation>Moderate pain</translation>
    </message>
    <message>
        <source>重度疼痛</source>
        <translation>Severe pain</translation>
    </message>
    <message>
        <source>（评估到期）</source>
        <translation> (reassessment due)</translation>
    </message>
    <message>
        <source>体温
℃</source>
        <translation>Temp
°C</translation>
    </message>
    <message>
        <source>脉搏
次/分</source>
        <translation>Pulse
/min</translation>
    </message>
    <message>
        <source>呼吸
次/分</source>
        <translation>Resp
/min</translation>
    </message>
    <message>
        <source>血压
mmHg</source>
        <translation>BP
mmHg</translation>
    </message>
    <message>
        <source>SpO2
%</source>
        <translation>SpO2
(%)</translation>
    </message>
    <message>
        <source>瞳孔 mm
左/右 对光</source>
        <translation>Pupils mm
L/R light</translation>
    </message>
    <message>
        <source>入量
ml</source>
        <translation>Intake
ml</translation>
    </message>
    <message>
        <source>出量
ml</source>
        <translation>Output
ml</translation>
    </message>
    <message>
        <source>签名</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <source>【更正：{reason}】</source>
        <translation>[Correction: {reason}] </translation>
    </message>
    <message>
        <source>已更正（{who} {at}）：{reason}</source>
        <translation>Corrected ({who} {at}): {reason}</translation>
    </message>
    <message>
        <source>已作废（{who} {at}）：{reason}</source>
        <translation>Voided ({who} {at}): {reason}</translation>
    </message>
    <message>
        <source>更正记录，原因：{reason}</source>
        <translation>Correction, reason: {reason}</translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>24小时出入量（{span}{state}）：入量 {intake} ml，出量 {output} ml（其中尿量 {urine} ml），平衡 {balance:+d} ml</source>
        <translation>24 h intake/output ({span}{state}): intake {intake} ml, output {output} ml (urine {urine} ml), balance {balance:+d} ml</translation>
    </message>
    <message>
        <source>，进行中</source>
        <translation>, in progress</translation>
    </message>
    <message>
        <source>{scale}评估 ({key})</source>
        <translation>{scale} ({key})</translation>
    </message>
    <message>
        <source>请填写更正原因</source>
        <translation>Please give the reason for the correction</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>（未保存，录入内容已保留）</source>
        <translation> (not saved; what you typed is kept)</translation>
    </message>
    <message>
        <source>请选择一条有效的记录再更正</source>
        <translation>Select a current line to correct</translation>
    </message>
    <message>
        <source>请选择一条有效的记录再作废</source>
        <translation>Select a current line to void</translation>
    </message>
    <message>
        <source>作废 {at} 的记录（原记录保留，显示为删除线）</source>
        <translation>Void the line of {at} (it stays, struck through)</translation>
    </message>
    <message>
        <source>作废护理记录</source>
        <translation>Void nursing record line</translation>
    </message>
    <message>
        <source>作废原因：</source>
        <translation>Reason:</translation>
    </message>
</context>
<context>
    <name>OrderDialogs</name>
    <message>
        <source>作废医嘱</source>
        <translation>Void order</translation>
    </message>
    <message>
        <source>作废理由：</source>
        <translation>Reason for voiding:</translation>
    </message>
    <message>
        <source>停止医嘱</source>
        <translation>Stop order</translation>
    </message>
    <message>
        <source>停止时间</source>
        <translation>Stop time</translation>
    </message>
    <message>
        <source>停止时间：</source>
        <translation>Stop time:</translation>
    </message>
    <message>
        <source>剂量</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>医嘱内容</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>医嘱历史</source>
        <translation>Order history</translation>
    </message>
    <message>
        <source>医嘱已被他人修改</source>
        <translation>Order changed by someone else</translation>
    </message>
    <message>
        <source>原状态</source>
        <translation>From</translation>
    </message>
    <message>
        <source>如 2026-05-01 08:30 或 08:30</source>
        <translation>e.g. 2026-05-01 08:30 or 08:30</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>当前</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>您的操作未执行，未覆盖任何内容。下表左列是您看到的版本，右列是当前版本。</source>
        <translation>Your action was not carried out and nothing was overwritten. Left: the version you saw; right: the current one.</translation>
    </message>
    <message>
        <source>您看到的</source>
        <translation>You saw</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>新状态</source>
        <translation>To</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>请填写停止时间</source>
        <translation>Enter the stop time</translation>
    </message>
    <message>
        <source>退回医嘱</source>
        <translation>Return order</translation>
    </message>
    <message>
        <source>退回理由：</source>
        <translation>Reason for returning:</translation>
    </message>
    <message>
        <source>途径</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
</context>
<context>
    <name>OrderEntry</name>
    <message>
        <source>{field}：{message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <source>{standby} 备用，{discharge} 出院带药，{verbal} 口头医嘱</source>
        <translation>{standby} as needed, {discharge} discharge medication, {verbal} verbal order</translation>
    </message>
    <message>
        <source>不定</source>
        <translation>open-ended</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Editing</translation>
    </message>
    <message>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>剂量</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>医嘱内容(拼音首字母/中文/英文)</source>
        <translation>Order (pinyin initials / Chinese / English)</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>口头医嘱</source>
        <translation>Verbal order</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>嘱托</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <source>如 lhn、头孢曲松、ceftriaxone</source>
        <translation>e.g. lhn, tbqs or ceftriaxone</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>新开</source>
        <translation>New</translation>
    </message>
    <message>
        <source>时间格式：08:30、05-01 08:30 或 2026-05-01 08:30</source>
        <translation>Time as 08:30, 05-01 08:30 or 2026-05-01 08:30</translation>
    </message>
    <message>
        <source>滴速</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>现在</source>
        <translation>now</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>途径</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>需皮试</source>
        <translation>skin test</translation>
    </message>
    <message>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>首日</source>
        <translation>1st day</translation>
    </message>
    <message>
        <source>高警示</source>
        <translation>high-alert</translation>
    </message>
</context>
<context>
    <name>OrderReview</name>
    <message>
        <source> 等</source>
        <translation> and more</translation>
    </message>
    <message>
        <source>{order}：{message}</source>
        <translation>{order}: {message}</translation>
    </message>
    <message>
        <source>严重警示：逐条选择理由后才能签署</source>
        <translation>High alerts: choose a reason for each before signing</translation>
    </message>
    <message>
        <source>医嘱</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>将签署 {n} 条医嘱：严重 {high}，警告 {moderate}，提示 {low}</source>
        <translation>{n} orders to sign: {high} high, {moderate} warnings, {low} notes</translation>
    </message>
    <message>
        <source>无警示</source>
        <translation>no alerts</translation>
    </message>
    <message>
        <source>有 {n} 条严重警示须选择理由（选“其他”须填写说明）后才能签署</source>
        <translation>{n} high alerts need a reason (with text for &quot;Other&quot;) before signing</translation>
    </message>
    <message>
        <source>正在审核 {n} 条医嘱…</source>
        <translation>Reviewing {n} orders…</translation>
    </message>
    <message>
        <source>正在签署…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <source>理由说明（选“其他”时必填）</source>
        <translation>Explanation (required for &quot;Other&quot;)</translation>
    </message>
    <message>
        <source>签署 (Enter)</source>
        <translation>Sign (Enter)</translation>
    </message>
    <message>
        <source>签署前审核 (F9)</source>
        <translation>Review before signing (F9)</translation>
    </message>
    <message>
        <source>签署后将停止其上的 {n} 条长期医嘱（待护士确认停止）</source>
        <translation>signing it stops the {n} long-term orders above it (the nurse confirms the stop)</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>红线医嘱“{names}”：{note}</source>
        <translation>Red-line order &quot;{names}&quot;: {note}</translation>
    </message>
    <message>
        <source>红线医嘱“{names}”：{note}：{orders}{more}</source>
        <translation>Red-line order &quot;{names}&quot;: {note}: {orders}{more}</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>请选择理由</source>
        <translation>Choose a reason</translation>
    </message>
    <message>
        <source>您没有处方权：{n} 条草稿已保存，须由有处方权的医师审核签署（严重 {high}，警告 {moderate}，提示 {low}）</source>
        <translation>You have no prescribing right: {n} drafts are saved and must be reviewed and signed by a licensed doctor (high {high}, warning {moderate}, info {low})</translation>
    </message>
    <message>
        <source>您没有处方权，不能签署医嘱；草稿已保存，请上级医师签署</source>
        <translation>You have no prescribing right and cannot sign orders; the drafts are saved for a senior doctor to sign</translation>
    </message>
    <message>
        <source>返回 (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
</context>
<context>
    <name>OrderSets</name>
    <message>
        <source>Space 取消/恢复勾选 · Enter 将勾选的医嘱生成草稿 · Esc 返回组套列表</source>
        <translation>Space untick/tick · Enter makes drafts of the ticked orders · Esc back to the sets</translation>
    </message>
    <message>
        <source>{name}（{scope}）</source>
        <translation>{name} ({scope})</translation>
    </message>
    <message>
        <source>个人</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>使用组套</source>
        <translation>Apply an order set</translation>
    </message>
    <message>
        <source>全院（须管理员）</source>
        <translation>Hospital (administrators only)</translation>
    </message>
    <message>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>医嘱内容</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>医嘱数</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>如 sqh、肺炎</source>
        <translation>e.g. sqh, pneumonia</translation>
    </message>
    <message>
        <source>存为组套</source>
        <translation>Save as order set</translation>
    </message>
    <message>
        <source>将以下 {n} 条医嘱存为组套（只存内容，不存状态）：</source>
        <translation>Save these {n} orders as a set (their content, not their state):</translation>
    </message>
    <message>
        <source>打开 (Enter)</source>
        <translation>Open (Enter)</translation>
    </message>
    <message>
        <source>拼音</source>
        <translation>Pinyin</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>正在生成草稿…</source>
        <translation>Making the drafts…</translation>
    </message>
    <message>
        <source>没有可用的组套</source>
        <translation>No order sets available</translation>
    </message>
    <message>
        <source>生成草稿 (Enter)</source>
        <translation>Make drafts (Enter)</translation>
    </message>
    <message>
        <source>用</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>科室</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>筛选(拼音首字母/名称)：</source>
        <translation>Filter (pinyin initials / name):</translation>
    </message>
    <message>
        <source>类</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>组</source>
        <translation>Grp</translation>
    </message>
    <message>
        <source>组套名称</source>
        <translation>Set name</translation>
    </message>
    <message>
        <source>组套名称(&amp;N)：</source>
        <translation>Set &amp;name:</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>范围(&amp;S)：</source>
        <translation>&amp;Scope:</translation>
    </message>
    <message>
        <source>输入拼音首字母或名称筛选 · ↑↓ 选择 · Enter 打开组套 · Esc 关闭</source>
        <translation>Type pinyin initials or a name to filter · ↑↓ choose · Enter opens the set · Esc closes</translation>
    </message>
</context>
<context>
    <name>OrderSheet</name>
    <message>
        <source>{content}  取消</source>
        <translation>{content}  CANCELLED</translation>
    </message>
    <message>
        <source>停止日期</source>
        <translation>Stop date</translation>
    </message>
    <message>
        <source>医嘱内容</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>医师签名</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>执行时间</source>
        <translation>Executed</translation>
    </message>
    <message>
        <source>护士签名</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>Start date</translation>
    </message>
</context>
<context>
    <name>OrderTexts</name>
    <message>
        <source>上级医师确认</source>
        <translation>Confirmed by a senior doctor</translation>
    </message>
    <message>
        <source>严重</source>
        <translation>High</translation>
    </message>
    <message>
        <source>个人</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>临</source>
        <translation>T</translation>
    </message>
    <message>
        <source>临床获益大于风险</source>
        <translation>Clinical benefit outweighs the risk</translation>
    </message>
    <message>
        <source>临时</source>
        <translation>Temporary</translation>
    </message>
    <message>
        <source>临时备用 sos</source>
        <translation>As needed once (sos)</translation>
    </message>
    <message>
        <source>停止待确认</source>
        <translation>Stop to confirm</translation>
    </message>
    <message>
        <source>停止时间</source>
        <translation>Stop time</translation>
    </message>
    <message>
        <source>全院</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>出院带药</source>
        <translation>Discharge medication</translation>
    </message>
    <message>
        <source>分娩医嘱</source>
        <translation>Post-delivery orders</translation>
    </message>
    <message>
        <source>剂量</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>医嘱内容</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>单次剂量</source>
        <translation>Single dose</translation>
    </message>
    <message>
        <source>同类重复</source>
        <translation>Therapeutic duplication</translation>
    </message>
    <message>
        <source>哺乳</source>
        <translation>Lactation</translation>
    </message>
    <message>
        <source>嘱托</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <source>妊娠</source>
        <translation>Pregnancy</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>已停止</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>已加强监测</source>
        <translation>Monitoring stepped up</translation>
    </message>
    <message>
        <source>已审核</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>已执行</source>
        <translation>Executed</translation>
    </message>
    <message>
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>待审批</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>患者既往已耐受</source>
        <translation>Tolerated before</translation>
    </message>
    <message>
        <source>手术</source>
        <translation>Surgery</translation>
    </message>
    <message>
        <source>执行中</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>抢救需要</source>
        <translation>Needed for resuscitation</translation>
    </message>
    <message>
        <source>护理</source>
        <translation>Nursing</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>日剂量</source>
        <translation>Daily dose</translation>
    </message>
    <message>
        <source>未能审核</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>术后医嘱</source>
        <translation>Post-operative orders</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Examination</translation>
    </message>
    <message>
        <source>检验</source>
        <translation>Lab</translation>
    </message>
    <message>
        <source>检验指标</source>
        <translation>Lab value</translation>
    </message>
    <message>
        <source>治疗</source>
        <translation>Treatment</translation>
    </message>
    <message>
        <source>滴速</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>皮试</source>
        <translation>Skin test</translation>
    </message>
    <message>
        <source>相互作用</source>
        <translation>Interaction</translation>
    </message>
    <message>
        <source>科室</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>给药途径</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>肝功能</source>
        <translation>Hepatic</translation>
    </message>
    <message>
        <source>肾功能</source>
        <translation>Renal</translation>
    </message>
    <message>
        <source>膳食</source>
        <translation>Diet</translation>
    </message>
    <message>
        <source>草稿(未签署)</source>
        <translation>Draft (unsigned)</translation>
    </message>
    <message>
        <source>药品</source>
        <translation>Drug</translation>
    </message>
    <message>
        <source>药物-疾病</source>
        <translation>Drug-disease</translation>
    </message>
    <message>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>转入医嘱</source>
        <translation>Transfer-in orders</translation>
    </message>
    <message>
        <source>转出医嘱</source>
        <translation>Transfer-out orders</translation>
    </message>
    <message>
        <source>过敏</source>
        <translation>Allergy</translation>
    </message>
    <message>
        <source>过敏史核实不成立</source>
        <translation>Allergy history checked and refuted</translation>
    </message>
    <message>
        <source>途径</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>配伍禁忌</source>
        <translation>IV incompatibility</translation>
    </message>
    <message>
        <source>重复医嘱</source>
        <translation>Duplicate order</translation>
    </message>
    <message>
        <source>重整/术后</source>
        <translation>Reorganize / post-op</translation>
    </message>
    <message>
        <source>重整医嘱</source>
        <translation>Reorganized orders</translation>
    </message>
    <message>
        <source>长</source>
        <translation>L</translation>
    </message>
    <message>
        <source>长期</source>
        <translation>Long-term</translation>
    </message>
    <message>
        <source>长期备用 prn</source>
        <translation>As needed (prn)</translation>
    </message>
    <message>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>首日次数</source>
        <translation>First-day doses</translation>
    </message>
    <message>
        <source>重复检查</source>
        <translation>Repeated test</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>作废：{reason}</source>
        <translation>Voided: {reason}</translation>
    </message>
    <message>
        <source>停止时间</source>
        <translation>Stop time</translation>
    </message>
    <message>
        <source>出院带药：{content}</source>
        <translation>Discharge medication: {content}</translation>
    </message>
    <message>
        <source>剂量</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>医嘱内容</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>口头医嘱</source>
        <translation>Verbal order</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>开嘱医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>护士退回：{reason}</source>
        <translation>Returned by nurse: {reason}</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>类</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>红线：签署后停止其上的长期医嘱</source>
        <translation>Red line: signing it stops the long-term orders above it</translation>
    </message>
    <message>
        <source>组</source>
        <translation>Grp</translation>
    </message>
    <message>
        <source>警示已确认</source>
        <translation>alert overridden</translation>
    </message>
    <message>
        <source>途径</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>需皮试</source>
        <translation>skin test</translation>
    </message>
    <message>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>首日</source>
        <translation>1st day</translation>
    </message>
    <message>
        <source>高警示</source>
        <translation>high-alert</translation>
    </message>
    <message>
        <source>高警示药品：双人核对</source>
        <translation>High-alert drug: double check</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>临时</source>
        <translation>Temporary</translation>
    </message>
    <message>
        <source>临时医嘱单</source>
        <translation>Temporary order sheet</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>全院组套只能由管理员保存：{reason}</source>
        <translation>Only an administrator may save a hospital set: {reason}</translation>
    </message>
    <message>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>医嘱列表</source>
        <translation>Order list</translation>
    </message>
    <message>
        <source>医嘱单</source>
        <translation>Order sheet</translation>
    </message>
    <message>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>存为组套</source>
        <translation>Save as set</translation>
    </message>
    <message>
        <source>审批</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>审核签署</source>
        <translation>Review and sign</translation>
    </message>
    <message>
        <source>已从组套“{name}”生成 {n} 条草稿，按 F9 审核签署</source>
        <translation>{n} drafts made from the set &quot;{name}&quot;; F9 to review and sign</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>已保存为草稿：{content}</source>
        <translation>Kept as a draft: {content}</translation>
    </message>
    <message>
        <source>已停</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>已停止，待护士确认</source>
        <translation>Stopped; a nurse confirms</translation>
    </message>
    <message>
        <source>已删除草稿</source>
        <translation>Draft deleted</translation>
    </message>
    <message>
        <source>已存为组套：{name}</source>
        <translation>Saved as order set: {name}</translation>
    </message>
    <message>
        <source>已审批</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已审核</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>已开{heading}（草稿）：按 F9 签署，签署后其上的 {n} 条长期医嘱停止</source>
        <translation>{heading} drafted: F9 to sign; signing it stops the {n} long-term orders above it</translation>
    </message>
    <message>
        <source>已成组 {n} 条医嘱</source>
        <translation>{n} orders grouped</translation>
    </message>
    <message>
        <source>已拆组 {n} 条医嘱</source>
        <translation>Ungrouped {n} orders</translation>
    </message>
    <message>
        <source>已撤回为草稿</source>
        <translation>Withdrawn to draft</translation>
    </message>
    <message>
        <source>已确认停止</source>
        <translation>Stop confirmed</translation>
    </message>
    <message>
        <source>已签署 {n} 条医嘱</source>
        <translation>{n} orders signed</translation>
    </message>
    <message>
        <source>已退回医生</source>
        <translation>Returned to the doctor</translation>
    </message>
    <message>
        <source>成组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>拆组</source>
        <translation>Ungroup</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>新开临时</source>
        <translation>New temporary</translation>
    </message>
    <message>
        <source>新开长期</source>
        <translation>New long-term</translation>
    </message>
    <message>
        <source>未连接数据库，医嘱已保留为草稿/未签署</source>
        <translation>Not connected to the database: the orders stay drafts / unsigned</translation>
    </message>
    <message>
        <source>未连接数据库，本条医嘱未保存，录入内容已保留</source>
        <translation>Not connected to the database: this order was not saved; what you typed is kept</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>状态(&amp;U)</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>确认停止</source>
        <translation>Confirm stop</translation>
    </message>
    <message>
        <source>红线医嘱</source>
        <translation>Red-line order</translation>
    </message>
    <message>
        <source>组套</source>
        <translation>Order sets</translation>
    </message>
    <message>
        <source>请先选择一条医嘱</source>
        <translation>Select one order first</translation>
    </message>
    <message>
        <source>请先选择要存为组套的医嘱</source>
        <translation>Select the orders to save as a set first</translation>
    </message>
    <message>
        <source>请选择一个成组的草稿再拆组 ({key})</source>
        <translation>Select a grouped draft to ungroup ({key})</translation>
    </message>
    <message>
        <source>请选择两条以上的药品草稿再成组 (Ctrl+G)</source>
        <translation>Select two or more drug drafts to group them (Ctrl+G)</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>长期</source>
        <translation>Long-term</translation>
    </message>
    <message>
        <source>长期/临时(&amp;T)</source>
        <translation>&amp;Term</translation>
    </message>
    <message>
        <source>长期医嘱单</source>
        <translation>Long-term order sheet</translation>
    </message>
</context>
<context>
    <name>PatientHeader</name>
    <message>
        <source>{ward} {bed}床</source>
        <translation>{ward}, bed {bed}</translation>
    </message>
    <message>
        <source>{n}天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>住院号</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>入院日期</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>住院天数</source>
        <translation>Days in hospital</translation>
    </message>
    <message>
        <source>主治医师</source>
        <translation>Attending</translation>
    </message>
    <message>
        <source>住院医师</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>诊断</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <source>过敏史</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>查看或修改诊断（病历页 F7）</source>
        <translation>View or change the diagnoses (F7 on the Records tab)</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <source>正在打开…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <source>{bed}床 {name}</source>
        <translation>Bed {bed} {name}</translation>
    </message>
    <message>
        <source>体温单</source>
        <translation>Temperature chart</translation>
    </message>
    <message>
        <source>医嘱</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>医嘱在此数据源上不可用</source>
        <translation>Orders are not available from this data source</translation>
    </message>
    <message>
        <source>在后续版本提供</source>
        <translation>Arrives in a later version</translation>
    </message>
    <message>
        <source>病历</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>护理记录</source>
        <translation>Nursing records</translation>
    </message>
    <message>
        <source>护理记录在此数据源上不可用</source>
        <translation>Nursing records are not available on this data source</translation>
    </message>
</context>
<context>
    <name>Phrases</name>
    <message>
        <source>维护常用语</source>
        <translation>Edit phrases</translation>
    </message>
    <message>
        <source>常用语内容（最多 {n} 个字）</source>
        <translation>Phrase text (at most {n} characters)</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>{new} 新增 · {save} 保存 · {remove} 删除 · {up} / {down} 移动</source>
        <translation>{new} new · {save} save · {remove} remove · {up} / {down} move</translation>
    </message>
    <message>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>尚无常用语：在下方输入后按 {key} 保存</source>
        <translation>No phrases yet: type one below and press {key}</translation>
    </message>
    <message>
        <source>第 {n} 条：修改后按 {key} 保存</source>
        <translation>Phrase {n}: edit it and press {key} to save</translation>
    </message>
    <message>
        <source>新常用语：输入后按 {key} 保存</source>
        <translation>New phrase: type it and press {key} to save</translation>
    </message>
    <message>
        <source>有未保存的内容：按 {key} 保存，再按 Esc 放弃并关闭</source>
        <translation>Unsaved text: press {key} to save, or Esc again to discard and close</translation>
    </message>
    <message>
        <source>维护常用语 ({key})</source>
        <translation>Edit phrases ({key})</translation>
    </message>
    <message>
        <source>尚无常用语：按 {key} 添加</source>
        <translation>No phrases yet: press {key} to add some</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>长期医嘱单</source>
        <translation>Long-term order sheet</translation>
    </message>
    <message>
        <source>临时医嘱单</source>
        <translation>Temporary order sheet</translation>
    </message>
    <message>
        <source>打印预览 — {sheet}</source>
        <translation>Print preview — {sheet}</translation>
    </message>
    <message>
        <source>续打预览 — {sheet}</source>
        <translation>Continuation preview — {sheet}</translation>
    </message>
    <message>
        <source>打印 (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <source>另存为 PDF (Ctrl+S)</source>
        <translation>Save as PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>没有需要续打的内容：新医嘱和停止信息都已打印</source>
        <translation>Nothing to continue: every new order and stop is already printed</translation>
    </message>
    <message>
        <source>请放入已打印的第 {pages} 页原纸；只打印新增的医嘱和停止信息</source>
        <translation>Put the printed page {pages} back in the printer; only the new orders and stops are printed</translation>
    </message>
    <message>
        <source>第 {page} 页（共 {count} 页，本次打印第 {pages} 页）  缩放 {zoom}%</source>
        <translation>Page {page} (of {count}; printing page {pages})  Zoom {zoom}%</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已打印并记录</source>
        <translation>Printed and recorded</translation>
    </message>
    <message>
        <source>一般护理记录单</source>
        <translation>General nursing record</translation>
    </message>
    <message>
        <source>危重护理记录单</source>
        <translation>Critical care nursing record</translation>
    </message>
    <message>
        <source>护理记录单</source>
        <translation>Nursing record</translation>
    </message>
    <message>
        <source>病历</source>
        <translation>Medical record</translation>
    </message>
    <message>
        <source>瓶签</source>
        <translation>Infusion labels</translation>
    </message>
    <message>
        <source>执行单</source>
        <translation>Execution sheets</translation>
    </message>
    <message>
        <source>第 {page} 张（共 {count} 张）  缩放 {zoom}%</source>
        <translation>Sheet {page} of {count}  Zoom {zoom}%</translation>
    </message>
    <message>
        <source>护士交接班报告</source>
        <translation>Nurses&apos; handover report</translation>
    </message>
    <message>
        <source>医生交接班报告</source>
        <translation>Doctors&apos; handover report</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>输入名称筛选，↑ ↓ 选择，Enter 确定</source>
        <translation>Type to filter, ↑ ↓ to choose, Enter to confirm</translation>
    </message>
    <message>
        <source>修订原因</source>
        <translation>Reason for revision</translation>
    </message>
    <message>
        <source>例如：上级医师查房补充</source>
        <translation>e.g. added after the senior&apos;s round</translation>
    </message>
    <message>
        <source>修订已签名的病历，须填写原因：</source>
        <translation>Revising a signed record needs a reason:</translation>
    </message>
    <message>
        <source>版本对比</source>
        <translation>Compare versions</translation>
    </message>
    <message>
        <source>第{n}版 {who} {at}</source>
        <translation>Version {n} {who} {at}</translation>
    </message>
    <message>
        <source>原始版本</source>
        <translation>original</translation>
    </message>
    <message>
        <source>第{n}版：{who}，{at}，{reason}</source>
        <translation>Version {n}: {who}, {at}, {reason}</translation>
    </message>
    <message>
        <source>正在保存草稿…</source>
        <translation>Saving the draft…</translation>
    </message>
    <message>
        <source>未能连接服务器：草稿已保存在本机，恢复连接后再保存</source>
        <translation>Server unreachable: the draft is kept on this PC and saved when the link is back</translation>
    </message>
    <message>
        <source>草稿已自动保存 {t}</source>
        <translation>Draft saved automatically at {t}</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>待审签</source>
        <translation>Awaiting co-signature</translation>
    </message>
    <message>
        <source>已签名</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>已审签</source>
        <translation>Co-signed</translation>
    </message>
    <message>
        <source>已修订（第{n}版）</source>
        <translation>Revised (version {n})</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>病历</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>书写者</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>（补记）</source>
        <translation> (late entry)</translation>
    </message>
    <message>
        <source>已超时</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>已超时（草稿未签名）</source>
        <translation>Overdue (draft not signed)</translation>
    </message>
    <message>
        <source>待书写</source>
        <translation>To write</translation>
    </message>
    <message>
        <source>草稿未签名</source>
        <translation>Draft not signed</translation>
    </message>
    <message>
        <source>床号</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>患者</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>{who} 正在书写，尚未签名</source>
        <translation>{who} is writing this; not signed yet</translation>
    </message>
    <message>
        <source>已恢复本机保存、尚未保存到服务器的草稿</source>
        <translation>Restored the draft kept on this PC that the server had not received</translation>
    </message>
    <message>
        <source>书写：{who}</source>
        <translation>Author: {who}</translation>
    </message>
    <message>
        <source>签名：{who} {at}</source>
        <translation>Signed: {who} {at}</translation>
    </message>
    <message>
        <source>审签：{who} {at}</source>
        <translation>Co-signed: {who} {at}</translation>
    </message>
    <message>
        <source>修订中（签名时填写原因）</source>
        <translation>Revising (give the reason when signing)</translation>
    </message>
    <message>
        <source>审签中（可修改后按 {key} 审签）</source>
        <translation>Co-signing (edit if needed, then press {key})</translation>
    </message>
    <message>
        <source>该病历已被他人先行修改：您的内容保留为草稿，请查看最新版本后再签名</source>
        <translation>Someone changed this record first: your text is kept as a draft; read the latest version, then sign</translation>
    </message>
    <message>
        <source>病历类型</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>新建病历</source>
        <translation>New record</translation>
    </message>
    <message>
        <source>常用语</source>
        <translation>Phrases</translation>
    </message>
    <message>
        <source>复制本患者既往病历</source>
        <translation>Copy from this patient&apos;s earlier records</translation>
    </message>
    <message>
        <source>段落</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>会诊申请已发送</source>
        <translation>Consultation request sent</translation>
    </message>
    <message>
        <source>本次住院尚无病历：按 {key} 新建</source>
        <translation>No records for this stay yet: press {key} to write one</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>签名</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>审签</source>
        <translation>Co-sign</translation>
    </message>
    <message>
        <source>修订</source>
        <translation>Revise</translation>
    </message>
    <message>
        <source>引入病历资料</source>
        <translation>Pull in chart data</translation>
    </message>
    <message>
        <source>复制既往病历</source>
        <translation>Copy earlier record</translation>
    </message>
    <message>
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>请会诊</source>
        <translation>Request consult</translation>
    </message>
    <message>
        <source>超时 {late} 份 · 待完成 {due} 份 · 待审签 {cosign} 份</source>
        <translation>{late} overdue · {due} due · {cosign} to co-sign</translation>
    </message>
    <message>
        <source>待完成病历</source>
        <translation>Pending records</translation>
    </message>
    <message>
        <source>全病区</source>
        <translation>Whole ward</translation>
    </message>
    <message>
        <source>诊断</source>
        <translation>Diagnoses</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>确认超时</source>
        <translation>Acknowledgement overdue</translation>
    </message>
    <message>
        <source>待确认</source>
        <translation>To acknowledge</translation>
    </message>
    <message>
        <source>关联危急值</source>
        <translation>Link critical value</translation>
    </message>
    <message>
        <source>转诊</source>
        <translation>Referral</translation>
    </message>
</context>
<context>
    <name>RecordsPull</name>
    <message>
        <source>T {v}℃</source>
        <translation>T {v} °C</translation>
    </message>
    <message>
        <source>P {v}次/分</source>
        <translation>P {v}/min</translation>
    </message>
    <message>
        <source>HR {v}次/分</source>
        <translation>HR {v}/min</translation>
    </message>
    <message>
        <source>R {v}次/分</source>
        <translation>R {v}/min</translation>
    </message>
    <message>
        <source>SpO₂ {v}%</source>
        <translation>SpO2 {v}%</translation>
    </message>
    <message>
        <source>体重 {v}kg</source>
        <translation>weight {v} kg</translation>
    </message>
    <message>
        <source>疼痛评分 {v}</source>
        <translation>pain score {v}</translation>
    </message>
    <message>
        <source>{name}（{detail}）</source>
        <translation>{name} ({detail})</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>姓名：{v}</source>
        <translation>Name: {v}</translation>
    </message>
    <message>
        <source>性别：{v}</source>
        <translation>Sex: {v}</translation>
    </message>
    <message>
        <source>年龄：{v}岁</source>
        <translation>Age: {v}</translation>
    </message>
    <message>
        <source>民族：{v}</source>
        <translation>Ethnicity: {v}</translation>
    </message>
    <message>
        <source>婚姻：{v}</source>
        <translation>Marital status: {v}</translation>
    </message>
    <message>
        <source>职业：{v}</source>
        <translation>Occupation: {v}</translation>
    </message>
    <message>
        <source>住址：{v}</source>
        <translation>Address: {v}</translation>
    </message>
    <message>
        <source>入院时间：{v}</source>
        <translation>Admitted: {v}</translation>
    </message>
    <message>
        <source>住院号：{v}</source>
        <translation>Inpatient no.: {v}</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>BP {s}/{d}mmHg</source>
        <translation>BP {s}/{d} mmHg</translation>
    </message>
    <message>
        <source>近24小时无生命体征记录</source>
        <translation>No vital signs in the last 24 hours</translation>
    </message>
    <message>
        <source>生命体征：{v}</source>
        <translation>Vital signs: {v}</translation>
    </message>
    <message>
        <source>近7天无检验结果</source>
        <translation>No lab results in the last 7 days</translation>
    </message>
    <message>
        <source>检验：{v}</source>
        <translation>Labs: {v}</translation>
    </message>
    <message>
        <source>否认药物及食物过敏史。</source>
        <translation>No known drug or food allergies.</translation>
    </message>
    <message>
        <source>过敏史：{v}。</source>
        <translation>Allergies: {v}.</translation>
    </message>
    <message>
        <source>目前无在用医嘱</source>
        <translation>No current orders</translation>
    </message>
    <message>
        <source>长期医嘱：{v}</source>
        <translation>Long-term orders: {v}</translation>
    </message>
    <message>
        <source>临时医嘱：{v}</source>
        <translation>Temporary orders: {v}</translation>
    </message>
    <message>
        <source>既往用药（{inst}转诊记录）：{v}。</source>
        <translation>Medications before admission ({inst} referral): {v}.</translation>
    </message>
</context>
<context>
    <name>Referrals</name>
    <message>
        <source>来自：{inst}（{direction}）</source>
        <translation>From: {inst} ({direction})</translation>
    </message>
    <message>
        <source>诊断：{name} {code}</source>
        <translation>Diagnosis: {name} {code}</translation>
    </message>
    <message>
        <source>过敏：{substance}</source>
        <translation>Allergy: {substance}</translation>
    </message>
    <message>
        <source>用药：{text}</source>
        <translation>Medication: {text}</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>患者</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>转出机构</source>
        <translation>Referred by</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>转诊原因</source>
        <translation>Reason for referral</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>拒绝转诊</source>
        <translation>Reject the referral</translation>
    </message>
    <message>
        <source>拒绝原因（将告知转出机构）</source>
        <translation>Reason for rejecting (the referring institution is told)</translation>
    </message>
    <message>
        <source>转入申请</source>
        <translation>Incoming referrals</translation>
    </message>
    <message>
        <source>上转</source>
        <translation>Refer up</translation>
    </message>
    <message>
        <source>下转</source>
        <translation>Refer down</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>对方已接收</source>
        <translation>Accepted by the receiving institution</translation>
    </message>
    <message>
        <source>对方已拒绝</source>
        <translation>Rejected by the receiving institution</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>已接收</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>已拒绝</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>：{reason}</source>
        <translation>: {reason}</translation>
    </message>
    <message>
        <source>（等待上传平台）</source>
        <translation> (waiting to go to the platform)</translation>
    </message>
    <message>
        <source>（平台拒收：{error}）</source>
        <translation> (refused by the platform: {error})</translation>
    </message>
    <message>
        <source>（平台已收到）</source>
        <translation> (received by the platform)</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>接收科室</source>
        <translation>Receiving department</translation>
    </message>
    <message>
        <source>转诊 {name}</source>
        <translation>Referral {name}</translation>
    </message>
    <message>
        <source>发送 (Ctrl+Enter)</source>
        <translation>Send (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>存为草稿</source>
        <translation>Save as draft</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>转往机构</source>
        <translation>Refer to</translation>
    </message>
    <message>
        <source>本次住院的转诊</source>
        <translation>Referrals of this stay</translation>
    </message>
    <message>
        <source>请选择转往机构</source>
        <translation>Choose the institution to refer to</translation>
    </message>
    <message>
        <source>收入院 {name}</source>
        <translation>Admit {name}</translation>
    </message>
    <message>
        <source>入院处分配的住院号（本院已有的患者可不填）</source>
        <translation>The MRN from the admission office (not needed for a patient we know)</translation>
    </message>
    <message>
        <source>收入院 (Ctrl+Enter)</source>
        <translation>Admit (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>住院号</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>将从转诊单带入（无需重新录入）</source>
        <translation>Taken over from the referral (nothing to retype)</translation>
    </message>
    <message>
        <source>{bed_no} 床</source>
        <translation>Bed {bed_no}</translation>
    </message>
    <message>
        <source>本病区没有空床</source>
        <translation>The ward has no empty bed</translation>
    </message>
    <message>
        <source>请选择床位</source>
        <translation>Choose a bed</translation>
    </message>
    <message>
        <source>待处理转入申请 {n} 条：Enter 接收，Delete 拒绝，已接收的按 Ctrl+Enter 收入院</source>
        <translation>{n} incoming referral(s) waiting: Enter accepts, Delete rejects, Ctrl+Enter admits an accepted one</translation>
    </message>
    <message>
        <source>已收入 {bed}；</source>
        <translation>Admitted to {bed}; </translation>
    </message>
    <message>
        <source>已收入院</source>
        <translation>Admitted</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>从不</source>
        <translation>Never</translation>
    </message>
    <message>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <source>无操作自动锁屏：</source>
        <translation>Lock when idle for:</translation>
    </message>
    <message>
        <source>连接检查间隔：</source>
        <translation>Connection check every:</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>上一项</source>
        <translation>Previous field</translation>
    </message>
    <message>
        <source>下一项</source>
        <translation>Next field</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>作废医嘱（填写理由）</source>
        <translation>Void the order (with a reason)</translation>
    </message>
    <message>
        <source>作用</source>
        <translation>What it does</translation>
    </message>
    <message>
        <source>使用组套：个人、科室、全院组套，可按拼音首字母或名称筛选</source>
        <translation>Apply an order set: personal, department and hospital sets, filtered by pinyin initials or name</translation>
    </message>
    <message>
        <source>保存为草稿（在最后一项按 Enter 亦可）</source>
        <translation>Keep as a draft (or Enter on the last field)</translation>
    </message>
    <message>
        <source>停止长期医嘱（填写停止时间）</source>
        <translation>Stop a long-term order (with a stop time)</translation>
    </message>
    <message>
        <source>全局</source>
        <translation>Everywhere</translation>
    </message>
    <message>
        <source>关闭匹配列表；再按一次回到医嘱列表，录入内容保留</source>
        <translation>Close the match list; again: back to the orders, the row kept as typed</translation>
    </message>
    <message>
        <source>出院带药（临时医嘱，医嘱单上列在“出院带药”下）；再按取消</source>
        <translation>Discharge medication (a temporary order, listed under its own heading on the sheet); again: off</translation>
    </message>
    <message>
        <source>删除所选草稿</source>
        <translation>Delete the selected drafts</translation>
    </message>
    <message>
        <source>刷新病区</source>
        <translation>Refresh the ward</translation>
    </message>
    <message>
        <source>医嘱</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>医嘱列表/医嘱单切换</source>
        <translation>Order list / order sheet</translation>
    </message>
    <message>
        <source>医嘱录入</source>
        <translation>Order entry</translation>
    </message>
    <message>
        <source>医嘱（护士）</source>
        <translation>Orders (nurse)</translation>
    </message>
    <message>
        <source>抗菌药物审批</source>
        <translation>Antibiotic approvals</translation>
    </message>
    <message>
        <source>审批选中的医嘱</source>
        <translation>Approve the selected orders</translation>
    </message>
    <message>
        <source>打开所选患者的病历（医嘱页）</source>
        <translation>Open the selected patient&apos;s chart (orders tab)</translation>
    </message>
    <message>
        <source>口头医嘱（抢救后补录）；再按取消</source>
        <translation>Verbal order (entered after a rescue); again: off</translation>
    </message>
    <message>
        <source>在医嘱列表中扩展选择</source>
        <translation>Extend the selection in the order list</translation>
    </message>
    <message>
        <source>在医嘱列表中：修改所选草稿或退回的医嘱</source>
        <translation>In the order list: edit the selected draft or returned order</translation>
    </message>
    <message>
        <source>在各条严重警示的理由之间移动</source>
        <translation>Move between the reasons of the high alerts</translation>
    </message>
    <message>
        <source>在筛选框中：打开第一个匹配患者的医嘱页（无匹配则不打开）</source>
        <translation>In the filter: open the first match&apos;s Orders tab (nothing opens without a match)</translation>
    </message>
    <message>
        <source>在组套列表中：选择组套，Enter 列出其医嘱（全部勾选）</source>
        <translation>In the set list: choose a set; Enter lists its orders (all ticked)</translation>
    </message>
    <message>
        <source>在组套医嘱中：勾选/取消当前医嘱</source>
        <translation>In a set&apos;s orders: tick/untick the current order</translation>
    </message>
    <message>
        <source>在组套医嘱中：回到组套列表；在列表中：关闭</source>
        <translation>In a set&apos;s orders: back to the set list; in the list: close</translation>
    </message>
    <message>
        <source>在组套医嘱中：将勾选的医嘱生成草稿（再按 F9 审核签署）</source>
        <translation>In a set&apos;s orders: make drafts of the ticked orders (then F9 to review and sign)</translation>
    </message>
    <message>
        <source>备用医嘱：长期为 prn，临时为 sos；再按取消</source>
        <translation>As-needed order: prn on a long-term order, sos on a temporary one; again: off</translation>
    </message>
    <message>
        <source>审批抗菌药物医嘱（须有相应级别）</source>
        <translation>Approve antibiotic orders (needs the grade)</translation>
    </message>
    <message>
        <source>审核将签署的全部草稿（按医嘱、按级别列出警示）</source>
        <translation>Review every draft to be signed (alerts by order and severity)</translation>
    </message>
    <message>
        <source>审核所选医嘱</source>
        <translation>Verify the selected order</translation>
    </message>
    <message>
        <source>床卡/列表切换</source>
        <translation>Bed cards / list</translation>
    </message>
    <message>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>快捷键一览</source>
        <translation>All keyboard shortcuts</translation>
    </message>
    <message>
        <source>所选医嘱存为组套（名称；个人或科室，全院须管理员）</source>
        <translation>Save the selected orders as a set (a name; personal or department, hospital for administrators)</translation>
    </message>
    <message>
        <source>所选医嘱的历史</source>
        <translation>History of the selected order</translation>
    </message>
    <message>
        <source>所选医嘱的操作菜单</source>
        <translation>Actions menu of the selected order</translation>
    </message>
    <message>
        <source>所选草稿成组（输液）</source>
        <translation>Group the selected drafts (one infusion)</translation>
    </message>
    <message>
        <source>拆开所选草稿所在的组</source>
        <translation>Ungroup the selected draft&apos;s group</translation>
    </message>
    <message>
        <source>按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>撤回（护士审核前）</source>
        <translation>Withdraw (before a nurse verified it)</translation>
    </message>
    <message>
        <source>新开临时医嘱（光标在医嘱内容）</source>
        <translation>New temporary order (cursor in the order search)</translation>
    </message>
    <message>
        <source>新开长期医嘱（光标在医嘱内容）</source>
        <translation>New long-term order (cursor in the order search)</translation>
    </message>
    <message>
        <source>病区一览</source>
        <translation>Ward overview</translation>
    </message>
    <message>
        <source>确认停止</source>
        <translation>Confirm stop</translation>
    </message>
    <message>
        <source>筛选：床号、姓名、拼音首字母或住院号</source>
        <translation>Filter: bed number, name, pinyin initials or inpatient number</translation>
    </message>
    <message>
        <source>签署前审核</source>
        <translation>Review before signing</translation>
    </message>
    <message>
        <source>签署（有严重警示时须先选择理由）</source>
        <translation>Sign (high alerts need a reason first)</translation>
    </message>
    <message>
        <source>红线医嘱：术后、分娩、转入、转出、重整医嘱（签署后停止其上的全部长期医嘱）</source>
        <translation>Red-line orders: post-operative, post-delivery, transfer in, transfer out, reorganized (signing stops every long-term order above)</translation>
    </message>
    <message>
        <source>组套</source>
        <translation>Order sets</translation>
    </message>
    <message>
        <source>输入拼音首字母、中文或英文即列出匹配项；上下键选择，Enter 选中并带出剂量、单位、途径、频次、首日次数</source>
        <translation>Type pinyin initials, Chinese or English to list matches; Up/Down to choose, Enter picks and fills dose, unit, route, frequency and first-day doses</translation>
    </message>
    <message>
        <source>返回，草稿保留</source>
        <translation>Back, drafts kept</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>退回所选医嘱（填写理由）</source>
        <translation>Return the selected order (with a reason)</translation>
    </message>
    <message>
        <source>锁定屏幕</source>
        <translation>Lock the screen</translation>
    </message>
    <message>
        <source>长期/临时筛选；在用/已停/全部筛选</source>
        <translation>Term filter; current / ended / all filter</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>打印医嘱单（预览后打印或另存为 PDF）</source>
        <translation>Print the order sheet (preview, then print or save as PDF)</translation>
    </message>
    <message>
        <source>续打医嘱单：只打印上次打印后新增的医嘱和停止信息</source>
        <translation>Continue the order sheet: print only the orders and stops added since the last print</translation>
    </message>
    <message>
        <source>上一页 / 下一页</source>
        <translation>Previous / next page</translation>
    </message>
    <message>
        <source>放大 / 缩小</source>
        <translation>Zoom in / out</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>护士工作站</source>
        <translation>Nurse station</translation>
    </message>
    <message>
        <source>执行单</source>
        <translation>Execution lists</translation>
    </message>
    <message>
        <source>皮试</source>
        <translation>Skin test</translation>
    </message>
    <message>
        <source>集中发送</source>
        <translation>Send to pharmacy</translation>
    </message>
    <message>
        <source>在待审核医嘱中移动</source>
        <translation>Move in the verification queue</translation>
    </message>
    <message>
        <source>勾选/取消当前医嘱（成组医嘱整组）</source>
        <translation>Tick / untick the current order (a group as a whole)</translation>
    </message>
    <message>
        <source>审核勾选的医嘱；遇高警示药品停下（红色标记），再次核对后再按 F9 审核</source>
        <translation>Verify the ticked orders; stops on a high-alert drug (marked red): check again, then F9 verifies it</translation>
    </message>
    <message>
        <source>在患者框中：扫描腕带或输入“姓名 住院号”后核对患者（床号只筛选）</source>
        <translation>In the patient field: scan the wristband or type &quot;name inpatient-no.&quot; to identify the patient (a bed number only filters)</translation>
    </message>
    <message>
        <source>执行当前项（输液：开始输液）；高警示药品和输血须双人核对</source>
        <translation>Execute the current item (an infusion: start it); high-alert drugs and blood need a second nurse</translation>
    </message>
    <message>
        <source>输液结束</source>
        <translation>Infusion finished</translation>
    </message>
    <message>
        <source>未执行（选择原因）</source>
        <translation>Not given (choose a reason)</translation>
    </message>
    <message>
        <source>更正当前项的最后一条执行记录（填写理由，原记录保留）</source>
        <translation>Correct the current item&apos;s last record (a reason; the original is kept)</translation>
    </message>
    <message>
        <source>生成今日执行计划并刷新</source>
        <translation>Plan today and refresh</translation>
    </message>
    <message>
        <source>开始皮试（填写批号），计时至判读时间</source>
        <translation>Place the skin test (batch number); a timer runs to the reading time</translation>
    </message>
    <message>
        <source>判读皮试结果（阴性/阳性，双人核对）；阳性即记为过敏</source>
        <translation>Read the skin test (negative / positive, with a second nurse); positive is recorded as an allergy</translation>
    </message>
    <message>
        <source>将今日余下及明日首次的药品集中发送至药房；已停医嘱已发未用的生成退药</source>
        <translation>Send today&apos;s remaining and tomorrow&apos;s first doses to the pharmacy; a stopped order&apos;s sent, unused doses become a return</translation>
    </message>
    <message>
        <source>退回当前医嘱给医生（填写理由）</source>
        <translation>Return the current order to the doctor (a reason)</translation>
    </message>
    <message>
        <source>确认停止勾选的已停医嘱；已作废的医嘱确认已知晓</source>
        <translation>Confirm the ticked stopped orders; acknowledge voided ones</translation>
    </message>
    <message>
        <source>病历</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>新建病历：选择病历类型（可输入名称筛选），Enter 按模板建立</source>
        <translation>New record: choose the document type (type to filter), Enter creates it from its template</translation>
    </message>
    <message>
        <source>在病历各段之间移动</source>
        <translation>Move between the record&apos;s sections</translation>
    </message>
    <message>
        <source>将病历系统已有的资料（一般项目、生命体征、检验、过敏、医嘱、诊断）引入当前段</source>
        <translation>Pull what the chart knows (demographics, vital signs, labs, allergies, orders, diagnoses) into the current section</translation>
    </message>
    <message>
        <source>插入个人常用语</source>
        <translation>Insert a personal phrase</translation>
    </message>
    <message>
        <source>复制本患者既往病历中的一段（不能复制其他患者的病历）</source>
        <translation>Copy a section from this patient&apos;s earlier records (never another patient&apos;s)</translation>
    </message>
    <message>
        <source>立即保存草稿（输入时每 3 秒及切换焦点时自动保存）</source>
        <translation>Save the draft now (it is saved every 3 s while typing and on every focus change)</translation>
    </message>
    <message>
        <source>签名（修订时先填写修订原因）</source>
        <translation>Sign (a revision asks for its reason first)</translation>
    </message>
    <message>
        <source>审签实习医师的病历（可先修改）</source>
        <translation>Co-sign an intern&apos;s record (edit first if needed)</translation>
    </message>
    <message>
        <source>修订已签名的病历（保留每一版本及修改人、时间、原因）</source>
        <translation>Revise a signed record (every version is kept with editor, time and reason)</translation>
    </message>
    <message>
        <source>两个版本并排对比，显示修改人及修改内容</source>
        <translation>Two versions side by side: who changed what</translation>
    </message>
    <message>
        <source>待完成病历：本人患者的到期与超时病历、待审签病历</source>
        <translation>Pending records: due and overdue records of your patients, records to co-sign</translation>
    </message>
    <message>
        <source>申请会诊（科室、急或普通、会诊目的；诊断自动引入）</source>
        <translation>Request a consultation (department, urgent or routine, question; the diagnoses are pulled in)</translation>
    </message>
    <message>
        <source>本科会诊：Enter 接收，再按 Enter 书写会诊意见并签名</source>
        <translation>My department&apos;s consultations: Enter accepts, Enter again writes and signs the opinion</translation>
    </message>
    <message>
        <source>医生交接班：按 I-PASS 逐一填写，Ctrl+Enter 交班，Ctrl+Shift+Enter 接班</source>
        <translation>Doctors&apos; handover: I-PASS per patient, Ctrl+Enter hands over, Ctrl+Shift+Enter takes over</translation>
    </message>
    <message>
        <source>体征录入</source>
        <translation>Vital signs entry</translation>
    </message>
    <message>
        <source>体温单</source>
        <translation>Temperature chart</translation>
    </message>
    <message>
        <source>体征录入：病区当前时段的体征表（护士）</source>
        <translation>Vital signs entry: the ward&apos;s grid for the current slot (nurses)</translation>
    </message>
    <message>
        <source>下一格；离开一行即保存该行</source>
        <translation>Next cell; leaving a row saves it</translation>
    </message>
    <message>
        <source>上一格</source>
        <translation>Previous cell</translation>
    </message>
    <message>
        <source>只看应测患者 / 显示全部患者</source>
        <translation>Patients due only / all patients</translation>
    </message>
    <message>
        <source>上一周 / 下一周</source>
        <translation>Previous / next week</translation>
    </message>
    <message>
        <source>病区设置</source>
        <translation>Ward settings</translation>
    </message>
    <message>
        <source>保存病区设置</source>
        <translation>Save the ward settings</translation>
    </message>
    <message>
        <source>离线冲突</source>
        <translation>Offline conflicts</translation>
    </message>
    <message>
        <source>保留服务器版本（离线修改留档，需填写理由）</source>
        <translation>Keep the server&apos;s version (the offline change stays on record; a reason is asked)</translation>
    </message>
    <message>
        <source>以离线内容在当前版本上重新提交（需填写理由）</source>
        <translation>Submit the offline change again on the current version (a reason is asked)</translation>
    </message>
    <message>
        <source>护理记录</source>
        <translation>Nursing records</translation>
    </message>
    <message>
        <source>风险评估</source>
        <translation>Risk assessment</translation>
    </message>
    <message>
        <source>一般护理记录 / 危重护理记录</source>
        <translation>General / critical care nursing record</translation>
    </message>
    <message>
        <source>新记录：光标到录入行的时间（默认当前时间）</source>
        <translation>New line: to the entry row&apos;s time (now by default)</translation>
    </message>
    <message>
        <source>录入行的下一项</source>
        <translation>Next field of the entry row</translation>
    </message>
    <message>
        <source>签名保存该行记录</source>
        <translation>Sign and save the line</translation>
    </message>
    <message>
        <source>更正所选记录：原记录保留并显示删除线，须填写更正原因</source>
        <translation>Correct the selected line: the old one stays struck through; a reason is required</translation>
    </message>
    <message>
        <source>作废所选记录（填写原因，原记录保留）</source>
        <translation>Void the selected line (with a reason; it stays visible)</translation>
    </message>
    <message>
        <source>Braden / Morse / Barthel / 疼痛评估</source>
        <translation>Braden / Morse / Barthel / pain assessment</translation>
    </message>
    <message>
        <source>选择该条目的分值（输入分值即可选中）</source>
        <translation>Choose the item&apos;s answer (typing its points picks it)</translation>
    </message>
    <message>
        <source>下一条目</source>
        <translation>Next item</translation>
    </message>
    <message>
        <source>签名保存评估（每一条目均须填写）</source>
        <translation>Sign and save the assessment (every item required)</translation>
    </message>
    <message>
        <source>诊断</source>
        <translation>Diagnoses</translation>
    </message>
    <message>
        <source>诊断：入院、修正、出院诊断（ICD-10，主要诊断在前）</source>
        <translation>Diagnoses: admission, working and discharge (ICD-10, main diagnosis first)</translation>
    </message>
    <message>
        <source>在检索框中：输入拼音首字母、中文或 ICD-10 编码，上下键选择，Enter 加入所选类别</source>
        <translation>In the search box: type pinyin initials, Chinese or an ICD-10 code, choose with the arrow keys, Enter adds to the chosen list</translation>
    </message>
    <message>
        <source>加入到入院诊断 / 修正诊断 / 出院诊断</source>
        <translation>Add to admission / working / discharge diagnoses</translation>
    </message>
    <message>
        <source>回到检索框</source>
        <translation>Back to the search box</translation>
    </message>
    <message>
        <source>在诊断列表中：上移 / 下移所选诊断（每类第一条为主要诊断）</source>
        <translation>In the list: move the selected diagnosis up / down (the first of each list is the main one)</translation>
    </message>
    <message>
        <source>在诊断列表中：修改诊断名称（补充部位、分型等；原记录保留）</source>
        <translation>In the list: edit the diagnosis name (add site, type...; the old entry is kept)</translation>
    </message>
    <message>
        <source>在诊断列表中：删除误录的诊断（填写原因；原记录保留）</source>
        <translation>In the list: remove a diagnosis entered in error (with a reason; the entry is kept)</translation>
    </message>
    <message>
        <source>当前项的附材：移除（填写理由）或添加</source>
        <translation>The current item&apos;s consumables: remove (with a reason) or add</translation>
    </message>
    <message>
        <source>护士交接班</source>
        <translation>Nurse shift handover</translation>
    </message>
    <message>
        <source>护士交接班：本班人数统计及交班患者（护士）</source>
        <translation>Nurse shift handover: the shift&apos;s census and patients (nurses)</translation>
    </message>
    <message>
        <source>上一班 / 下一班</source>
        <translation>Previous / next shift</translation>
    </message>
    <message>
        <source>保存交班草稿</source>
        <translation>Save the handover draft</translation>
    </message>
    <message>
        <source>交班签名（人数不符时须先填写差异说明）</source>
        <translation>Hand over and sign (explain first when the numbers differ)</translation>
    </message>
    <message>
        <source>接班签名（须由交班护士以外的护士）</source>
        <translation>Receive and sign (a nurse other than the handing one)</translation>
    </message>
    <message>
        <source>重新读取本班报告（输入的内容保留）</source>
        <translation>Read the shift&apos;s report again (what you typed is kept)</translation>
    </message>
    <message>
        <source>模板管理</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>常用语维护</source>
        <translation>Phrase editor</translation>
    </message>
    <message>
        <source>模板管理：个人、科室、全院病历模板及其段落</source>
        <translation>Templates: personal, department and hospital document templates and their sections</translation>
    </message>
    <message>
        <source>新建个人模板</source>
        <translation>New personal template</translation>
    </message>
    <message>
        <source>保存模板（保存为新版本）</source>
        <translation>Save the template (as a new version)</translation>
    </message>
    <message>
        <source>将所选模板复制为个人模板</source>
        <translation>Copy the selected template to your personal templates</translation>
    </message>
    <message>
        <source>停用所选模板（已写的病历不受影响）</source>
        <translation>Retire the selected template (documents already written are not affected)</translation>
    </message>
    <message>
        <source>在当前段落后添加段落</source>
        <translation>Add a section after the current one</translation>
    </message>
    <message>
        <source>删除当前段落</source>
        <translation>Remove the current section</translation>
    </message>
    <message>
        <source>当前段落上移 / 下移</source>
        <translation>Move the current section up / down</translation>
    </message>
    <message>
        <source>当前段落设为必填 / 取消必填</source>
        <translation>Mark the current section required / not required</translation>
    </message>
    <message>
        <source>在常用语列表中：维护本人的常用语</source>
        <translation>In the phrase list: edit your own phrases</translation>
    </message>
    <message>
        <source>新增常用语</source>
        <translation>New phrase</translation>
    </message>
    <message>
        <source>保存对所选常用语的修改</source>
        <translation>Save the changes to the selected phrase</translation>
    </message>
    <message>
        <source>删除所选常用语</source>
        <translation>Remove the selected phrase</translation>
    </message>
    <message>
        <source>所选常用语上移 / 下移</source>
        <translation>Move the selected phrase up / down</translation>
    </message>
    <message>
        <source>打印当前已签名病历（含签名、上级医师审签和修订记录）</source>
        <translation>Print the signed document shown (with its signatures, the senior doctor&apos;s co-signature and the revision record)</translation>
    </message>
    <message>
        <source>打印当前护理记录单（更正和作废的记录划线保留）</source>
        <translation>Print the nursing record shown (corrected and voided lines kept, struck through)</translation>
    </message>
    <message>
        <source>打印体温单（预览：全部周或只打印当前周，打印或另存为 PDF）</source>
        <translation>Print the temperature chart (preview: every week or this week only, print or save as PDF)</translation>
    </message>
    <message>
        <source>确认危急值（最早的一条）：填写已通知的医生</source>
        <translation>Acknowledge a critical value (the oldest): enter the doctor informed</translation>
    </message>
    <message>
        <source>关联危急值：本病程记录记载了哪条危急值的处理</source>
        <translation>Link a critical value: which critical value this progress note documents</translation>
    </message>
    <message>
        <source>转入申请：其他医联体机构转来本科的患者，Enter 接收，Delete 拒绝并说明原因</source>
        <translation>Incoming referrals: patients other member institutions refer to this department; Enter accepts, Delete rejects with a reason</translation>
    </message>
    <message>
        <source>转诊：上转或下转到医联体成员机构，发送后经区域平台传送</source>
        <translation>Referral: refer up or down to a member institution of the medical alliance; once sent it goes through the regional platform</translation>
    </message>
    <message>
        <source>打印当日输液瓶签（预览后打印或另存为 PDF）</source>
        <translation>Print the day&apos;s infusion labels (preview, then print or save as PDF)</translation>
    </message>
    <message>
        <source>打印当日执行单（按类别，预览后打印或另存为 PDF）</source>
        <translation>Print the day&apos;s execution sheets (by kind; preview, then print or save as PDF)</translation>
    </message>
    <message>
        <source>打印当前显示的交接班报告</source>
        <translation>Print the handover report shown</translation>
    </message>
    <message>
        <source>检验检查结果：本院结果与外院报告，F5 获取外院结果，Ctrl+Enter 互认</source>
        <translation>Results: ours beside external reports; F5 fetches external results, Ctrl+Enter recognises</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>同步中</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <source>连接中…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>（待同步 {n}）</source>
        <translation> ({n} pending)</translation>
    </message>
    <message>
        <source>用户：{name}（{roles}）</source>
        <translation>User: {name} ({roles})</translation>
    </message>
    <message>
        <source>未登录</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>演示数据库</source>
        <translation>Demo database</translation>
    </message>
    <message>
        <source>数据库：{name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <source>待审核医嘱：{n}</source>
        <translation>To verify: {n}</translation>
    </message>
    <message>
        <source>离线 — 数据截至 {time}</source>
        <translation>Offline — data as of {time}</translation>
    </message>
    <message>
        <source>同步中：剩余 {n} 条</source>
        <translation>Syncing: {n} left</translation>
    </message>
</context>
<context>
    <name>TempChart</name>
    <message>
        <source>上一周 ({key})</source>
        <translation>Previous week ({key})</translation>
    </message>
    <message>
        <source>下一周 ({key})</source>
        <translation>Next week ({key})</translation>
    </message>
    <message>
        <source>第 {n} / {total} 周</source>
        <translation>Week {n} of {total}</translation>
    </message>
    <message>
        <source>打印 ({key})</source>
        <translation>Print ({key})</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <source>个人</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>科室</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>全院</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>模板管理</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>病历类型</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>模板名称</source>
        <translation>Template name</translation>
    </message>
    <message>
        <source>段落标题</source>
        <translation>Section title</translation>
    </message>
    <message>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>默认内容</source>
        <translation>Default text</translation>
    </message>
    <message>
        <source>必填（签名时不能为空）</source>
        <translation>Required (may not be empty at signing)</translation>
    </message>
    <message>
        <source>新建病历时此段预先填入的内容（可空）</source>
        <translation>Text this section starts with in a new document (may be empty)</translation>
    </message>
    <message>
        <source>新建个人模板</source>
        <translation>New personal template</translation>
    </message>
    <message>
        <source>复制为个人模板</source>
        <translation>Copy to personal</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>添加段落</source>
        <translation>Add section</translation>
    </message>
    <message>
        <source>删除段落</source>
        <translation>Remove section</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>{new} 新建 · {copy} 复制为个人 · {save} 保存 · {add} / {remove} 添加 / 删除段落 · {up} / {down} 移动 · {req} 必填 · Esc 关闭</source>
        <translation>{new} new · {copy} copy to personal · {save} save · {add} / {remove} add / remove section · {up} / {down} move · {req} required · Esc close</translation>
    </message>
    <message>
        <source>模板（个人、科室、全院）</source>
        <translation>Templates (personal, department, hospital)</translation>
    </message>
    <message>
        <source>段落</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>有未保存的修改：按 {key} 保存，或再次选择其他模板以放弃修改</source>
        <translation>Unsaved changes: press {key} to save, or choose another template again to discard them</translation>
    </message>
    <message>
        <source>{scope}模板只读：按 {key} 复制为个人模板后修改</source>
        <translation>{scope} template, read only: press {key} to copy it to your personal templates and edit the copy</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>新模板：填写名称、调整段落后按 {key} 保存</source>
        <translation>New template: enter a name, adjust the sections, then press {key}</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>已复制为个人模板，可修改后按 {key} 保存</source>
        <translation>Copied to your personal templates: edit it and press {key} to save</translation>
    </message>
    <message>
        <source>模板“{name}”已停用</source>
        <translation>Template &quot;{name}&quot; retired</translation>
    </message>
    <message>
        <source>该模板已被他人先行修改：您的修改仍在此处，按 {key} 以最新版本为基础保存</source>
        <translation>Someone else changed this template first: your changes are still here; press {key} to save them on top of the latest version</translation>
    </message>
    <message>
        <source>有未保存的修改：按 {key} 保存，再按 Esc 放弃并关闭</source>
        <translation>Unsaved changes: press {key} to save, or Esc again to discard and close</translation>
    </message>
</context>
<context>
    <name>Vitals</name>
    <message>
        <source>体温</source>
        <translation>Temp</translation>
    </message>
    <message>
        <source>脉搏</source>
        <translation>Pulse</translation>
    </message>
    <message>
        <source>心率</source>
        <translation>Heart rate</translation>
    </message>
    <message>
        <source>呼吸</source>
        <translation>Resp</translation>
    </message>
    <message>
        <source>收缩压</source>
        <translation>Systolic</translation>
    </message>
    <message>
        <source>舒张压</source>
        <translation>Diastolic</translation>
    </message>
    <message>
        <source>血氧饱和度</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>体重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>身高</source>
        <translation>Height</translation>
    </message>
    <message>
        <source>疼痛评分</source>
        <translation>Pain score</translation>
    </message>
    <message>
        <source>入量</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>出量</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>尿量</source>
        <translation>Urine</translation>
    </message>
    <message>
        <source>大便次数</source>
        <translation>Stools</translation>
    </message>
    <message>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>降温后体温</source>
        <translation>Temp after cooling</translation>
    </message>
    <message>
        <source>口</source>
        <translation>oral</translation>
    </message>
    <message>
        <source>腋</source>
        <translation>axill.</translation>
    </message>
    <message>
        <source>肛</source>
        <translation>rectal</translation>
    </message>
    <message>
        <source>降温</source>
        <translation>cooled</translation>
    </message>
    <message>
        <source>拒测</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>外出</source>
        <translation>Out</translation>
    </message>
    <message>
        <source>请假</source>
        <translation>On leave</translation>
    </message>
    <message>
        <source>不升</source>
        <translation>Below 35</translation>
    </message>
    <message>
        <source>测不出</source>
        <translation>Unmeasurable</translation>
    </message>
    <message>
        <source>卧床</source>
        <translation>Bedridden</translation>
    </message>
    <message>
        <source>呼吸机</source>
        <translation>Ventilator</translation>
    </message>
    <message>
        <source>入院</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>手术</source>
        <translation>Surgery</translation>
    </message>
    <message>
        <source>分娩</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>转入</source>
        <translation>Transferred in</translation>
    </message>
    <message>
        <source>出院</source>
        <translation>Discharged</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>Died</translation>
    </message>
    <message>
        <source>常规</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>新入院</source>
        <translation>New admission</translation>
    </message>
    <message>
        <source>术后</source>
        <translation>Post-op</translation>
    </message>
    <message>
        <source>发热</source>
        <translation>Fever</translation>
    </message>
    <message>
        <source>高热</source>
        <translation>High fever</translation>
    </message>
    <message>
        <source>病危</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>时</source>
        <translation>h</translation>
    </message>
    <message>
        <source>分</source>
        <translation>min</translation>
    </message>
    <message>
        <source>{event}于{time}</source>
        <translation>{event} {time}</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>住院天数</source>
        <translation>Day in hospital</translation>
    </message>
    <message>
        <source>手术后天数</source>
        <translation>Days after surgery</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>脉搏
(次/分)</source>
        <translation>Pulse
(/min)</translation>
    </message>
    <message>
        <source>体温
(℃)</source>
        <translation>Temp
(°C)</translation>
    </message>
    <message>
        <source>呼吸(次/分)</source>
        <translation>Resp (/min)</translation>
    </message>
    <message>
        <source>血压(mmHg)</source>
        <translation>BP (mmHg)</translation>
    </message>
    <message>
        <source>入量(ml)</source>
        <translation>Intake (ml)</translation>
    </message>
    <message>
        <source>出量(ml)</source>
        <translation>Output (ml)</translation>
    </message>
    <message>
        <source>尿量(ml)</source>
        <translation>Urine (ml)</translation>
    </message>
    <message>
        <source>大便(次/日)</source>
        <translation>Stools (/day)</translation>
    </message>
    <message>
        <source>体重(kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>身高(cm)</source>
        <translation>Height (cm)</translation>
    </message>
    <message>
        <source>皮试</source>
        <translation>Skin test</translation>
    </message>
    <message>
        <source>疼痛</source>
        <translation>Pain</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>体 温 单</source>
        <translation>TEMPERATURE CHART</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>科室</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>床号</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>入院日期</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>住院号</source>
        <translation>Inpatient no.</translation>
    </message>
    <message>
        <source>第 {n} 周</source>
        <translation>Week {n}</translation>
    </message>
</context>
<context>
    <name>VitalsDaily</name>
    <message>
        <source>导尿</source>
        <translation>Catheter</translation>
    </message>
    <message>
        <source>保存当日数据</source>
        <translation>Save the day&apos;s data</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>VitalsGrid</name>
    <message>
        <source>体征录入</source>
        <translation>Vital signs entry</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>昨天</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>前天</source>
        <translation>2 days ago</translation>
    </message>
    <message>
        <source>显示全部患者 ({key})</source>
        <translation>All patients ({key})</translation>
    </message>
    <message>
        <source>{bed}床 有需更正或确认的数值，未保存</source>
        <translation>Bed {bed}: a value needs correcting or confirming; not saved</translation>
    </message>
    <message>
        <source>{bed}床 未保存：网络中断，录入内容仍在表中，恢复后离开该行即再次保存</source>
        <translation>Bed {bed} not saved: the connection is down. The values stay in the grid and are saved again when you leave the row once it is back</translation>
    </message>
    <message>
        <source>床号</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>应测</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>体温 ℃</source>
        <translation>Temp °C</translation>
    </message>
    <message>
        <source>部位</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>脉搏</source>
        <translation>Pulse</translation>
    </message>
    <message>
        <source>心率</source>
        <translation>HR</translation>
    </message>
    <message>
        <source>呼吸</source>
        <translation>Resp</translation>
    </message>
    <message>
        <source>血压</source>
        <translation>BP</translation>
    </message>
    <message>
        <source>SpO2 %</source>
        <translation>SpO2 %</translation>
    </message>
    <message>
        <source>疼痛</source>
        <translation>Pain</translation>
    </message>
    <message>
        <source>降温后 ℃</source>
        <translation>After cooling °C</translation>
    </message>
    <message>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>未保存（网络中断）</source>
        <translation>Not saved (offline)</translation>
    </message>
    <message>
        <source>需更正</source>
        <translation>Needs correction</translation>
    </message>
    <message>
        <source>本时段有多次录入：{list}</source>
        <translation>Entered more than once in this slot: {list}</translation>
    </message>
</context>
<context>
    <name>WardSettings</name>
    <message>
        <source>执行超时容差（分钟）</source>
        <translation>Overdue after (minutes)</translation>
    </message>
    <message>
        <source>皮试观察时间（分钟）</source>
        <translation>Skin test read after (minutes)</translation>
    </message>
    <message>
        <source>皮试结果有效期（小时）</source>
        <translation>Skin test result valid for (hours)</translation>
    </message>
    <message>
        <source>更换批号需重新皮试</source>
        <translation>A new batch number needs a new skin test</translation>
    </message>
    <message>
        <source>频次 {code} 的执行时间</source>
        <translation>The times of frequency {code}</translation>
    </message>
    <message>
        <source>病区设置</source>
        <translation>Ward settings</translation>
    </message>
    <message>
        <source>频次默认执行时间（HH:MM，多个用逗号分隔；留空则用频次字典的时间）</source>
        <translation>Default times per frequency (HH:MM, separated by commas; blank: the frequency dictionary&apos;s times)</translation>
    </message>
    <message>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>每日次数</source>
        <translation>Per day</translation>
    </message>
    <message>
        <source>字典时间</source>
        <translation>Dictionary times</translation>
    </message>
    <message>
        <source>本病区时间</source>
        <translation>This ward&apos;s times</translation>
    </message>
    <message>
        <source>保存 ({key})</source>
        <translation>Save ({key})</translation>
    </message>
    <message>
        <source>默认 {value}</source>
        <translation>Default {value}</translation>
    </message>
    <message>
        <source>没有修改</source>
        <translation>Nothing changed</translation>
    </message>
    <message>
        <source>已保存 {n} 项设置</source>
        <translation>{n} settings saved</translation>
    </message>
    <message>
        <source>24小时出入量起点（HH:MM）</source>
        <translation>24-hour intake/output day starts at (HH:MM)</translation>
    </message>
    <message>
        <source>护理班次（交接班）</source>
        <translation>Nursing shifts (handover)</translation>
    </message>
    <message>
        <source>day 白班、evening 小夜、night 大夜；两班制如 day=08:00-20:00,night=20:00-08:00</source>
        <translation>day, evening and night shifts; two shifts e.g. day=08:00-20:00,night=20:00-08:00</translation>
    </message>
    <message>
        <source>瓶签尺寸（宽x高，毫米）</source>
        <translation>Infusion label size (width x height, mm)</translation>
    </message>
    <message>
        <source>危急值确认时限（分钟，0 为立即）</source>
        <translation>Critical value acknowledgement limit (minutes, 0 = at once)</translation>
    </message>
    <message>
        <source>危急值病程记录时限（小时）</source>
        <translation>Critical value progress note limit (hours)</translation>
    </message>
    <message>
        <source>执行、皮试与危急值</source>
        <translation>Execution, skin tests and critical values</translation>
    </message>
</context>
<context>
    <name>WardView</name>
    <message>
        <source>在院 {n}</source>
        <translation>Inpatients {n}</translation>
    </message>
    <message>
        <source>空床 {n}</source>
        <translation>Empty {n}</translation>
    </message>
    <message>
        <source>病危 {n}</source>
        <translation>Critical {n}</translation>
    </message>
    <message>
        <source>病重 {n}</source>
        <translation>Serious {n}</translation>
    </message>
    <message>
        <source>特级护理 {n}</source>
        <translation>Special care {n}</translation>
    </message>
    <message>
        <source>一级护理 {n}</source>
        <translation>Grade 1 {n}</translation>
    </message>
    <message>
        <source>二级护理 {n}</source>
        <translation>Grade 2 {n}</translation>
    </message>
    <message>
        <source>三级护理 {n}</source>
        <translation>Grade 3 {n}</translation>
    </message>
    <message>
        <source>过敏 {n}</source>
        <translation>Allergies {n}</translation>
    </message>
    <message>
        <source>病区(&amp;W)：</source>
        <translation>&amp;Ward:</translation>
    </message>
    <message>
        <source>筛选：床号、姓名、拼音首字母、住院号 (Ctrl+F)</source>
        <translation>Filter: bed, name, pinyin initials, MRN (Ctrl+F)</translation>
    </message>
    <message>
        <source>床卡</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>以床头卡显示</source>
        <translation>Show bed cards</translation>
    </message>
    <message>
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <source>以列表显示，可按列排序</source>
        <translation>Show a sortable list</translation>
    </message>
    <message>
        <source>Enter 打开：{bed}床 {name}（{mrn}）</source>
        <translation>Enter opens: bed {bed} {name} ({mrn})</translation>
    </message>
    <message>
        <source>{bed}床为空床</source>
        <translation>Bed {bed} is empty</translation>
    </message>
    <message>
        <source>无匹配患者</source>
        <translation>No matching patient</translation>
    </message>
</context>
</TS>
